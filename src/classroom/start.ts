/**
 * Classroom mode on a serve session: the session (resumed or new), its
 * routes and scripts on the server, the channel, the answer keys of each
 * deck as it is built, and the results written when it ends. Nothing of it
 * runs without `--classroom`.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import path from 'node:path';
import { claimFolder, resultsFolder } from '../course/ownership.js';
import type { DeckKey } from '../course/quiz-keys.js';
import { hostChecker } from '../serve/hosts.js';
import { attachChannel } from './channel.js';
import { classroomRoutes } from './routes.js';
import { Classroom } from './session.js';

/** A classroom set up for a serve session. */
export interface ClassroomSetup {
  classroom: Classroom;
  resumed: boolean;
  /** The classroom's routes and scripts, for the server. */
  route: ReturnType<typeof classroomRoutes>['handle'];
  scripts: (request: IncomingMessage) => string;
  /** Read the answer keys of `decks` again, from the keys folder (after a build). */
  loadKeys: (decks: string[]) => Promise<void>;
  /** Start the channel on the running server; `joinUrl` is the address students open. */
  attach: (server: Server, host: string, joinUrl: string) => void;
  close: () => Promise<void>;
}

/** Open the classroom session kept in `folder` (the results folder). */
export async function startClassroom(folder: string, keys: string, options: { fresh?: boolean | undefined }): Promise<ClassroomSetup> {
  await claimFolder(folder, resultsFolder);
  const { classroom, resumed } = await Classroom.open(folder, options);
  let joinUrl = '';
  const routes = classroomRoutes(classroom, () => joinUrl);
  let channel: ReturnType<typeof attachChannel> | undefined;
  return {
    classroom,
    resumed,
    route: routes.handle,
    // Only the presenter's pages carry the code (for the join screen): a page anyone opens must not.
    scripts: (request) =>
      routes.isPresenter(request)
        ? `<script src="/_lecture/classroom.js" data-role="presenter" data-code="${classroom.identity.code}" data-join="${joinUrl.replace(/\/[^/]*$/, '')}"></script>`
        : `<script src="/_lecture/classroom.js" data-role="${routes.isStudent(request) ? 'student' : 'guest'}"></script>`,
    loadKeys: async (decks) => {
      for (const deck of decks) {
        const key = await readFile(path.join(keys, `${deck}.json`), 'utf8').then((text) => JSON.parse(text) as DeckKey).catch(() => undefined);
        classroom.setKeys(deck, key?.quizzes ?? []);
      }
    },
    attach: (server, host, url) => {
      joinUrl = url;
      channel = attachChannel(server, classroom, hostChecker(host));
    },
    close: async () => {
      await channel?.close();
      const { writeResults } = await import('./results.js');
      await writeResults(classroom);
      await classroom.close();
    },
  };
}
