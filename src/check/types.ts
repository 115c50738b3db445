/**
 * What the checker passes between its stages: each lecture's facts (what the
 * build's own pipeline found in it, kept as plain data so unchanged lectures
 * come from the cache), the links found in it, and the shape of a message
 * source (fragment links, remote links, and later the browser's layout
 * measurement).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { MessageData } from '../course/messages.js';
import type { Config } from '../config/schema.js';

/** One lecture's trees, as the build makes them; what the per-lecture rules read. */
export interface LectureTrees {
  file: VFile;
  /** The slide tree (mdast) the build renders. */
  mdast: MdastRoot;
  /** The rendered slides (hast), raw HTML parsed, before the page around them. */
  hast: HastRoot;
  /** Every URL in the slides with the element holding it, in document order. */
  urls: Array<{ url: string; node: Element }>;
}

/** A URL written in a lecture, as plain data. */
export interface TargetData {
  url: string;
  /** The element holding it (`a`, `img`, `iframe` …). */
  tagName: string;
  position?: Position | undefined;
}

/** What checking one lecture alone found; plain data, cached between runs. */
export interface LectureFacts {
  /** Messages of the parser, the build's local-file checks and the per-lecture rules. */
  messages: MessageData[];
  targets: TargetData[];
  /** Every id the deck carries, as the build generates them. */
  ids: string[];
  /** Number of horizontal slides (for numeric `#/3/1` links). */
  horizontal: number;
  /** Local files the lecture refers to, absolute (a change to any of them re-checks it). */
  files: string[];
  /** Set when the lecture could not be analysed at all (timeout, crash): such facts are not cached. */
  failed?: true | undefined;
}

/** One lecture in a check run. */
export interface CheckedLecture {
  /** Absolute path of the markdown file. */
  source: string;
  /** The file messages are reported on. */
  file: VFile;
  ids: Set<string>;
  horizontal: number;
  targets: Target[];
}

/** A URL written in a lecture, with the lecture it is in. */
export interface Target extends TargetData {
  lecture: CheckedLecture;
}

/** Everything a message source may read. */
export interface CheckContext {
  /** The course root. */
  root: string;
  config: Config;
  /** The lectures checked in this run. */
  lectures: CheckedLecture[];
  /** Ids of any markdown file of the course by absolute path (parsed when it was not checked in this run). */
  idsOf: (source: string) => Promise<Set<string> | undefined>;
}

/**
 * A source of messages, run once every lecture is parsed: it reports on
 * `lecture.file` with `report()`. Fragment links, remote links and (later)
 * the layout measurement in a browser are message sources; pass more in
 * `check({sources})`.
 */
export type MessageSource = (context: CheckContext) => Promise<void> | void;
