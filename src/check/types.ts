/**
 * What the checker passes between its stages: each lecture's trees as the
 * build makes them, the links found in them, and the shape of a message
 * source (rules, remote links, and later the browser's layout measurement).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';

/** One lecture, parsed and rendered by the build's own pipeline. */
export interface CheckedLecture {
  /** Absolute path of the markdown file. */
  source: string;
  /** The file messages are reported on. */
  file: VFile;
  /** The slide tree (mdast) the build renders. */
  mdast: MdastRoot;
  /** The rendered slides (hast), raw HTML parsed, before the page around them. */
  hast: HastRoot;
  /** Every id the deck carries, as the build generates them. */
  ids: Set<string>;
  /** Number of horizontal slides (for numeric `#/3/1` links). */
  horizontal: number;
}

/** A URL written in a lecture, with the element holding it. */
export interface Target {
  url: string;
  node: Element;
  lecture: CheckedLecture;
}

/** Everything a message source may read. */
export interface CheckContext {
  /** The course root. */
  root: string;
  config: Config;
  /** The lectures checked in this run. */
  lectures: CheckedLecture[];
  /** Ids of any lecture of the course by absolute path, parsing it when it was not checked in this run. */
  idsOf: (source: string) => Promise<Set<string> | undefined>;
}

/**
 * A source of messages run after the lectures are parsed: it reports on
 * `lecture.file` with `report()`. Rule families, the remote-link checker and
 * (later) the layout measurement in a browser are all message sources.
 */
export type MessageSource = (context: CheckContext) => Promise<void> | void;
