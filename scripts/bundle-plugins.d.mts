import type { Plugin } from 'esbuild';

/** The esbuild plugins of the bundle, in order (see `bundle-plugins.mjs`). */
export declare const bundlePlugins: Plugin[];
