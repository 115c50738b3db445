/**
 * A CommonJS package loaded with `import()`: from the bundle its exports come
 * as the default export alone (esbuild), run from source Node also gives them
 * by name. `commonJs(await import('yaml'))` is the whole API either way.
 */
export function commonJs<T>(module: T & { default?: T }): T {
  return module.default ?? module;
}
