/**
 * A worker thread (`deadline-worker.ts`) that parses the lecture texts it
 * is sent with the lecture parser and answers each with its tree, without
 * positions.
 */
import { resolveConfig } from '../../src/config/schema.js';
import { createParser } from '../../src/pipeline.js';
import { answerCalls } from './deadline-worker.js';

const parser = createParser(resolveConfig());

answerCalls((text: string) => JSON.parse(JSON.stringify(parser.parse(text), (key, value: unknown) => (key === 'position' ? undefined : value))) as unknown);
