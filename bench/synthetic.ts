/**
 * A synthetic course for benchmarks: `lectures` lectures of `slides` slides
 * each, with sections, columns, code, images and a table on every slide, the
 * mix a real lecture has.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="#e8eef5"/><rect x="40" y="200" width="320" height="50" fill="#1d6fb8"/><rect x="40" y="140" width="320" height="50" fill="#3d8bd1"/><rect x="40" y="80" width="320" height="50" fill="#74aee0"/><text x="200" y="60" font-size="28" text-anchor="middle" font-family="sans-serif">layers</text></svg>\n`;

const languages = [
  ['python', 'def handler(event):\n    items = [x * 2 for x in event["items"]]\n    return {"count": len(items)}'],
  ['dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]'],
  ['bash', 'docker build -t app:1.0 .\ndocker run --rm -p 8080:80 app:1.0\ndocker ps --format "{{.Names}}"'],
  ['yaml', 'services:\n  web:\n    image: app:1.0\n    ports: ["8080:80"]\n    volumes: [data:/var/lib/app]'],
] as const;

/** The markdown of one synthetic lecture. */
export function syntheticLecture(index: number, slides: number): string {
  const lines = ['---', `title: Lecture ${index + 1}`, 'author: Bench Author', 'date: 2024-03-04', '---', ''];
  const perSection = 8;
  for (let slide = 0; slide < slides; slide++) {
    if (slide % perSection === 0) lines.push(`# Section ${slide / perSection + 1}`, '');
    const [language, code] = languages[slide % languages.length]!;
    lines.push(
      `## Slide ${slide + 1}: layers and caching`,
      '',
      ':::::: {.columns}',
      '::: {.column width="55%"}',
      `- each instruction adds a **layer** (${slide})`,
      '- unchanged layers come from the `cache`',
      '- order instructions from *stable* to volatile',
      ':::',
      '::: {.column width="45%"}',
      `![Layer stack ${slide}](img/layers.svg){width=80%}`,
      ':::',
      '::::::',
      '',
      '```' + language,
      code,
      '```',
      '',
      '| Layer | Size |',
      '|-------|-----:|',
      '| base  | 80 MB |',
      '| deps  | 40 MB |',
      '',
      '::: notes',
      `Speaker notes for slide ${slide + 1}.`,
      ':::',
      '',
    );
  }
  return lines.join('\n');
}

/** Write a course of `count` lectures into `root/lectures`; returns the lecture files. */
export function writeSyntheticCourse(root: string, count: number, slides: number): string[] {
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const folder = path.join(root, 'lectures', `lecture-${String(index + 1).padStart(2, '0')}`);
    mkdirSync(path.join(folder, 'img'), { recursive: true });
    writeFileSync(path.join(folder, 'img/layers.svg'), svg);
    const file = path.join(folder, 'lecture.md');
    writeFileSync(file, syntheticLecture(index, slides));
    files.push(file);
  }
  return files;
}
