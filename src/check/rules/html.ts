/**
 * Raw HTML that does not belong in a deck: scripts and inline event handlers
 * (a warning: they run in every student's browser), and presentational tags
 * HTML no longer has (a hint, with the modern replacement).
 *
 * ok:     `<div style="text-align:center">`, `<a href="x">`
 * not ok: `<script>alert(1)</script>`, `<button onclick="go()">`, `<center>`, `<font color=red>`
 */
import { visit } from 'unist-util-visit';
import { report, rules } from '../../diagnostics.js';
import type { LectureTrees } from '../types.js';

const deprecated: Record<string, string> = {
  center: 'a `{.center}` class or `style="text-align:center"`',
  font: 'a `[text]{.class}` span or `style`',
  big: 'a class or `style="font-size:…"`',
  tt: '`code`',
  strike: '`~~text~~`',
  marquee: 'nothing: moving text is hard to read',
  blink: 'nothing',
  basefont: '`style`',
  acronym: '`<abbr>`',
  frame: '`<iframe>`',
  frameset: '`<iframe>`',
};

/** Report `<script>`, inline event handlers and deprecated presentational tags. */
export function checkRawHtml(lecture: LectureTrees): void {
  visit(lecture.hast, 'element', (node) => {
    if (node.tagName === 'script') {
      report(lecture.file, 'Raw `<script>` in a lecture runs in every viewer\'s browser; move behaviour into a theme or plugin', rules.rawScript, node);
      return;
    }
    const handlers = Object.keys(node.properties).filter((name) => /^on[A-Z]/.test(name));
    if (handlers.length > 0) {
      const names = handlers.map((name) => `\`${name.toLowerCase()}\``).join(', ');
      report(lecture.file, `Inline event handler ${names} on \`<${node.tagName}>\` runs script in the deck; remove it`, rules.rawScript, node);
    }
    const replacement = deprecated[node.tagName];
    if (replacement) report(lecture.file, `\`<${node.tagName}>\` is not part of HTML any more; use ${replacement}`, rules.deprecatedHtml, node, 'info');
  });
}
