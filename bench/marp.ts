/**
 * The synthetic lecture in Marp's dialect, for the PDF comparison: the same
 * text, code, tables, images and notes, one `---` per slide (Marp has no
 * columns, so the column content is stacked).
 */
export function marpLecture(markdown: string): string {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out = ['---', 'marp: true', 'title: Lecture', '---', ''];
  let first = true;
  let inNotes = false;
  for (const line of body.split('\n')) {
    if (line === '::: notes') {
      inNotes = true;
      out.push('<!--');
      continue;
    }
    if (inNotes && line === ':::') {
      inNotes = false;
      out.push('-->');
      continue;
    }
    if (/^:{3,}/.test(line)) continue;
    if (/^#{1,2} /.test(line)) {
      if (!first) out.push('---', '');
      first = false;
    }
    out.push(line.replace(/!\[([^\]]*)\]\(([^)]+)\)\{width=\d+%\}/, '![w:320]($2)'));
  }
  return out.join('\n');
}
