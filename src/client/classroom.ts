/**
 * The classroom client `lecture serve --classroom` adds to every page. The
 * server tells it who the page belongs to (`data-role`): the presenter's
 * deck sends where it is and shows the live answers of the quizzes on its
 * slide; a student's deck follows the presenter (until the student browses
 * away, and again after "Follow"), sends answers and shows the reveal; a
 * page opened without joining offers the join page. The speaker view's
 * previews (`?receiver`) take no part.
 */
import { connect, type Channel } from './classroom-channel.js';
import { presenter } from './classroom-presenter.js';
import { student } from './classroom-student.js';

const script = document.currentScript as HTMLScriptElement | null;
const role = script?.dataset.role;
const receiver = /receiver/i.test(location.search);

if (!receiver && (role === 'presenter' || role === 'student')) {
  const channel: Channel = connect();
  if (role === 'presenter') presenter(channel, script?.dataset.code ?? '', script?.dataset.join ?? '/join');
  else student(channel);
} else if (!receiver && role === 'guest') {
  const link = document.createElement('a');
  link.href = '/join';
  link.className = 'lecture-classroom-join';
  link.textContent = 'Join the class';
  link.setAttribute('style', 'position:fixed;right:1rem;bottom:1rem;z-index:1000;padding:.5rem 1rem;border-radius:999px;background:#1d6fb8;color:#fff;font:600 16px system-ui,sans-serif;text-decoration:none');
  document.body.append(link);
}
