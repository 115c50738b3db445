/**
 * `lecture check --layout` (config `check.layout`): the slides that do not
 * fit. The lectures checked are built into a temporary folder with fitting
 * on — the same measurement `lecture build` makes — and what fitting could
 * not fix (`slide-overflow`) or could not measure (`fit-failed`) is reported
 * on the lectures. Nothing is written into the course.
 */
import path from 'node:path';
import { build } from '../course/build.js';
import { report, rules } from '../diagnostics.js';
import { configuredBrowser, findBrowser } from '../export/find-browser.js';
import { temporaryFolder } from '../lifetime.js';
import type { MessageSource } from './types.js';

/** The layout source; `configFile` is the config file the check was given, if any. */
export function layoutSource(configFile?: string | undefined): MessageSource {
  return async ({ root, config, lectures }) => {
    // Asked for explicitly, so no browser is a usage problem (exit 2 with how to install one), not a finding.
    const browser = await findBrowser(configuredBrowser(config, root));
    const temporary = await temporaryFolder('lecture-layout-');
    try {
      const built = await build({
        root,
        config: configFile,
        paths: lectures.map((lecture) => lecture.source),
        overrides: { out: path.join(temporary.path, 'out'), quiz: { keys: path.join(temporary.path, 'keys') }, pdf: { browser } },
        cache: false,
        stage: false,
        fit: true,
      });
      const bySource = new Map(lectures.map((lecture) => [path.resolve(lecture.file.cwd, lecture.file.path), lecture]));
      for (const file of built.files) {
        const lecture = bySource.get(path.resolve(file.cwd, file.path));
        if (!lecture) continue;
        for (const message of file.messages) {
          if (message.ruleId !== rules.slideOverflow && message.ruleId !== rules.fitFailed) continue;
          const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
          report(lecture.file, message.reason, message.ruleId, { position: message.place && 'start' in message.place ? message.place : undefined }, severity);
        }
      }
    } finally {
      await temporary.remove();
    }
  };
}
