/**
 * Private, loopback and link-local addresses, which a link checker running
 * on CI should not ask (`check.skipPrivate`, on by default when the `CI`
 * variable is set), as lychee's `--exclude-private` and its kin do: a link to
 * `http://localhost:8080/` or `http://10.0.0.5/` in a lecture is an example
 * for students, not a page to check, and probing the CI machine's network
 * from a course repository is not ours to do. Literal addresses (and
 * `localhost`) are skipped outright; a name is skipped when it resolves to
 * such an address.
 */
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const ranges = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) ranges.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) ranges.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IPv4 or IPv6 address) is private, loopback or link-local. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return ranges.check(mapped, 'ipv4');
  const family = isIP(address);
  return family === 4 ? ranges.check(address, 'ipv4') : family === 6 ? ranges.check(address, 'ipv6') : false;
}

/** Whether the host of `url` is `localhost` or a literal private, loopback or link-local address. */
export function isPrivateHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}

/** The code of a request refused because its host resolved to a private address. */
export const privateCode = 'EPRIVATE';

/** `lookup` that refuses host names resolving to a private, loopback or link-local address. */
export function refusePrivate(lookup: LookupFunction = dnsLookup as unknown as LookupFunction): LookupFunction {
  return ((hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error);
      const addresses = Array.isArray(address) ? address.map((entry: { address: string }) => entry.address) : [address as string];
      if (addresses.some(isPrivateAddress)) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: privateCode }));
      callback(null, address, family);
    });
  }) as LookupFunction;
}
