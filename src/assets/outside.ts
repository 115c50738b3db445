/**
 * What to tell an author whose lecture points outside the course: why the
 * file is not published, and the config key that would allow it when it can
 * be allowed at all.
 */
import path from 'node:path';
import type { Located } from './locate.js';
import { isInside, realPath, repositoryOf, type Scope } from './scope.js';

/** The end of a message "The image `x` …": where it points and how to allow it. */
export function outsideReason(located: Located, scope: Scope): string {
  if (located.outside === 'machine') {
    return `refers to a file on this machine (\`${located.absolute}\`), not in the course; it is not published. Write a path relative to the lecture, inside the course folder`;
  }
  const target = located.real ?? located.absolute;
  const where = located.outside === 'link' ? `is a symbolic link to \`${target}\`, outside the course folder` : 'is outside the course folder';
  return `${where}; it is not published. ${howToAllow(target, scope)}`;
}

/** `assets.allow` with the folder to add, or why no setting can allow it. */
function howToAllow(target: string, scope: Scope): string {
  const repository = repositoryOf(scope.root);
  const real = realPath(target);
  if (!repository || !isInside(real, repository)) return 'Copy the file into the course: only folders inside the course\'s repository can be allowed';
  const relative = path.relative(realPath(scope.root), path.dirname(real)).split(path.sep);
  const ups = relative.filter((part) => part === '..').length;
  const folder = [...relative.slice(0, ups), relative[ups]].filter(Boolean).join('/');
  return `To publish files from that folder, add it to \`assets.allow\` in the course config: \`"assets": { "allow": ["${folder}"] }\``;
}
