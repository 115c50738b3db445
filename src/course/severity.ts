/**
 * Per-rule severities from the configuration (`"rules": {"missing-file": "error"}`):
 * `off` removes a rule's messages, `info` / `warn` / `error` set their severity.
 */
import type { VFile } from 'vfile';
import type { RuleSetting } from '../config/schema.js';

const fatality: Record<Exclude<RuleSetting, 'off'>, boolean | undefined> = { info: undefined, warn: false, error: true };

/** Apply the configured severities to the messages of `file`. */
export function applyRuleSettings(file: VFile, settings: Record<string, RuleSetting>): void {
  if (Object.keys(settings).length === 0) return;
  file.messages = file.messages.filter((message) => settings[message.ruleId ?? ''] !== 'off');
  for (const message of file.messages) {
    const setting = settings[message.ruleId ?? ''];
    if (setting && setting !== 'off') message.fatal = fatality[setting];
  }
}
