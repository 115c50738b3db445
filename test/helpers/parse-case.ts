/**
 * A worker (`isolated.ts`) that parses the lecture texts it is sent with
 * the lecture parser and answers each with its tree, without positions.
 */
import { parentPort } from 'node:worker_threads';
import { resolveConfig } from '../../src/config/schema.js';
import { serveJobs } from '../../src/course/isolation.js';
import { createParser } from '../../src/pipeline.js';

const parser = createParser(resolveConfig());

if (parentPort) serveJobs<string, unknown>(parentPort, async (text) => JSON.parse(JSON.stringify(parser.parse(text), (key, value: unknown) => (key === 'position' ? undefined : value))));
