/**
 * The yaml package, loaded on first use (only front matter and YAML config
 * files need it). Its Node build is CommonJS: imported dynamically from the
 * bundle, it has a default export only; run from source, Node also gives
 * named exports. Either way this is the whole API.
 */
type Yaml = typeof import('yaml');

let loading: Promise<Yaml> | undefined;

/** The yaml API. */
export function loadYaml(): Promise<Yaml> {
  loading ??= import('yaml').then((module) => (module as Yaml & { default?: Yaml }).default ?? module);
  return loading;
}
