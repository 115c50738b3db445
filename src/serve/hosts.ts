/**
 * Which addresses the server is reachable at, and which `Host` headers it
 * answers: the names of this machine only, so a web page elsewhere cannot
 * reach the server through a DNS name rebound to 127.0.0.1.
 */
import os from 'node:os';

/** Whether `host` listens on every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** The IPv4 addresses of this machine's network interfaces, loopback excluded. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .flatMap((entry) => (entry && entry.family === 'IPv4' && !entry.internal ? [entry.address] : []));
}

/** The URLs to print for a server on `host:port`: the first is the one to open here. */
export function serverUrls(host: string, port: number): { local: string; network: string[] } {
  const url = (address: string) => `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  if (isWildcard(host)) return { local: url('127.0.0.1'), network: lanAddresses().map(url) };
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  return { local: url(host), network: loopback ? [] : [url(host)] };
}

/**
 * A test of `Host` headers for a server bound to `host`: an IP address, or a
 * name of this machine. Any other name is how a DNS-rebinding page would
 * arrive, and is refused.
 */
export function hostChecker(host: string): (header: string | undefined) => boolean {
  const names = new Set(['localhost', host.toLowerCase()]);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    names.add(os.hostname().toLowerCase());
    names.add(`${os.hostname().toLowerCase()}.local`);
  }
  return (header) => {
    if (!header) return false;
    const name = header.toLowerCase().replace(/:\d+$/, '');
    return names.has(name) || /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || /^\[[0-9a-f:.]+\]$/.test(name);
  };
}
