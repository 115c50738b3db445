/**
 * `npm run bench` (check part): 500 distinct remote links on 25 loopback
 * addresses (127.0.0.1 to 127.0.0.25, 20 links each), every answer delayed
 * 50 ms, 10% dead (some only after a redirect). Times `lecture check` cold
 * and with a warm cache, and linkinator 7 on the same links in the same run;
 * counts dead links found and live links flagged. Asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { row, runs, timeCommand } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'lib/cli/bin.js');
const linkinator = path.join(root, 'node_modules/linkinator/build/src/cli.js');
const hosts = Array.from({ length: 25 }, (_, index) => `127.0.0.${index + 1}`);
const delay = 50;
/** A round costs under 3 s, and one run varies by ±8% on a shared machine: medians of 7 keep the ratio steady. */
const rounds = Math.max(runs, 7);

/**
 * What link `index` (0–499) does. Link `index` is on host `index % 25`; its
 * number on that host decides: 2 of every 20 are dead (one of them after a
 * permanent redirect, or gone), 4 live ones go through a temporary redirect.
 */
function route(index: number): { path: string; dead: boolean } {
  const number = Math.floor(index / hosts.length);
  if (number === 7) return { path: index % 2 === 0 ? `/moved-dead/${index}` : `/gone/${index}`, dead: true };
  if (number === 17) return { path: `/dead/${index}`, dead: true };
  return { path: number % 5 === 0 ? `/hop/${index}` : `/live/${index}`, dead: false };
}

function answer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const [, kind, id] = (req.url ?? '/').split('/');
  const body = '<!doctype html><title>x</title><p>content</p>';
  // As real servers do, every answer says how long its body is, so connections are kept alive.
  const send = (status: number, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body), ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  setTimeout(() => {
    if (kind === 'live' || kind === 'target') send(200);
    else if (kind === 'hop') send(302, { location: `/target/${id}` });
    else if (kind === 'moved-dead') send(301, { location: `/dead/${id}` });
    else if (kind === 'gone') send(410);
    else send(404);
  }, delay);
}

async function startServers(): Promise<{ port: number; close: () => void }> {
  const servers: http.Server[] = [];
  let port = 0;
  for (const host of hosts) {
    const server = http.createServer(answer);
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  return { port, close: () => servers.forEach((server) => (server.closeAllConnections(), server.close())) };
}

/** The first URL in backticks in a message. */
function urlIn(message: string): string {
  return /`(http[^`]+)`/.exec(message)?.[1] ?? '';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-bench-check-'));
const { port, close } = await startServers();
try {
  const links = Array.from({ length: 500 }, (_, index) => ({ url: `http://${hosts[index % 25]}:${port}${route(index).path}`, dead: route(index).dead }));
  const dead = new Set(links.filter((link) => link.dead).map((link) => link.url));
  const course = path.join(work, 'course');
  mkdirSync(path.join(course, 'lectures'), { recursive: true });
  // Ten lectures of 50 links, five to a slide, as a course holds them.
  for (let lecture = 0; lecture < 10; lecture++) {
    const slides = Array.from({ length: 10 }, (_, slide) => {
      const items = links.slice(lecture * 50 + slide * 5, lecture * 50 + slide * 5 + 5).map((link, index) => `- [link ${index}](${link.url})`);
      return `## Slide ${slide + 1}\n\n${items.join('\n')}\n`;
    });
    writeFileSync(path.join(course, 'lectures', `${String(lecture + 1).padStart(2, '0')}-links.md`), slides.join('\n'));
  }
  writeFileSync(path.join(work, 'links.html'), `<!doctype html><title>links</title>${links.map((link, index) => `<a href="${link.url}">link ${index}</a>`).join('\n')}`);

  const check = [process.execPath, bin, 'check', '--format', 'json'];
  const cold: number[] = [];
  const peer: number[] = [];
  let found = { dead: 0, falselyFlagged: 0, linkinatorDead: 0 };
  for (let run = 0; run < rounds; run++) {
    const ours = await timeCommand([...check, '--no-cache'], course);
    const theirs = await timeCommand([process.execPath, linkinator, path.join(work, 'links.html'), '--format', 'json'], work);
    cold.push(ours.seconds);
    peer.push(theirs.seconds);
    const messages = JSON.parse(ours.stdout) as Array<{ ruleId: string; message: string }>;
    const flagged = messages.filter((message) => message.ruleId === 'dead-link' || message.ruleId === 'unverified-link');
    const report = JSON.parse(theirs.stdout) as { links: Array<{ url: string; state: string }> };
    found = {
      dead: flagged.filter((message) => dead.has(urlIn(message.message))).length,
      falselyFlagged: flagged.filter((message) => !dead.has(urlIn(message.message))).length,
      linkinatorDead: report.links.filter((link) => link.state === 'BROKEN' && dead.has(link.url)).length,
    };
  }
  await timeCommand(check, course);
  const warm: number[] = [];
  for (let run = 0; run < rounds; run++) warm.push((await timeCommand(check, course)).seconds);

  // The network part alone: lectures from the cache, every link asked again.
  const network: number[] = [];
  for (let run = 0; run < rounds; run++) {
    rmSync(path.join(course, '.lecture-cache', 'links.json'), { force: true });
    network.push((await timeCommand(check, course)).seconds);
  }
  const startup: number[] = [];
  for (let run = 0; run < rounds; run++) startup.push((await timeCommand([process.execPath, '-e', '0'], work)).seconds);

  const ratio = median(cold) / median(peer);
  console.log(`\nlecture check bench: 500 links on 25 loopback hosts, ${delay} ms per answer, ${dead.size} dead; median of ${rounds} runs\n`);
  console.log(row('lecture check, cold (--no-cache)', `${median(cold).toFixed(2)} s`));
  console.log(row('linkinator 7, same links', `${median(peer).toFixed(2)} s`));
  console.log(row('lecture check, links cold, lectures cached', `${median(network).toFixed(2)} s`));
  console.log(row('cold time / linkinator time', `${ratio.toFixed(2)}×`, `target ≤ 0.7× — ${ratio <= 0.7 ? 'met' : 'not met'}`));
  console.log(row('lecture check, warm cache', `${median(warm).toFixed(2)} s`, `target < 0.3 s — ${median(warm) < 0.3 ? 'met' : 'not met'}`));
  console.log(row('node -e 0 (start-up floor of any CLI)', `${median(startup).toFixed(2)} s`));
  console.log(row('dead links found', `${found.dead}/${dead.size}`, `target ${dead.size}/${dead.size} — ${found.dead === dead.size ? 'met' : 'not met'}`));
  console.log(row('live links flagged', `${found.falselyFlagged}`, `target 0 — ${found.falselyFlagged === 0 ? 'met' : 'not met'}`));
  console.log(row('dead links found by linkinator', `${found.linkinatorDead}/${dead.size}`));
} finally {
  close();
  rmSync(work, { recursive: true, force: true });
}
