/**
 * `--format sarif`: SARIF 2.1.0, the format GitHub code scanning (and most CI
 * dashboards) read. One run, our rules listed in the driver, one result per
 * message with its region.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { VFile } from 'vfile';
import { rules } from '../../diagnostics.js';
import { toEntries, type Entry } from './entries.js';

const levels: Record<Entry['severity'], Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Where the rule table is documented. */
const helpUri = 'https://www.npmjs.com/package/lecture-cli';

/** The messages of `files` as a SARIF 2.1.0 log. */
export function toSarif(files: VFile[], version: string): string {
  const entries = toEntries(files);
  const ids = [...new Set([...Object.values(rules), ...entries.map((entry) => entry.ruleId)])];
  const descriptors: ReportingDescriptor[] = ids.map((id) => ({ id, name: id, shortDescription: { text: id.replace(/-/g, ' ') }, helpUri }));
  const results: Result[] = entries.map((entry) => ({
    ruleId: entry.ruleId,
    ruleIndex: ids.indexOf(entry.ruleId),
    level: levels[entry.severity],
    message: { text: entry.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(entry.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: entry.line, startColumn: entry.column, endLine: entry.endLine, endColumn: entry.endColumn },
        },
      },
    ],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'lecture', version, informationUri: helpUri, rules: descriptors } }, columnKind: 'utf16CodeUnits', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
