/** Filling in strings, shared by the build and the quiz plugin. */

/** `template` with each `{name}` replaced by `values[name]`; unknown names stay as written. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
