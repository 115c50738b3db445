/** The formats `--format` accepts; apart from the formatters, so the command line can list them without loading any. */
export const formats = ['human', 'json', 'sarif', 'github'] as const;

export type Format = (typeof formats)[number];
