/**
 * The presenter's deck in classroom mode: every move (slide, fragment) is
 * sent to the students; a panel shows how many are connected and, on a quiz
 * slide, a live chart of their answers with the button that reveals the
 * right one; `Q` (or the panel's button) shows the join screen with the QR
 * code; the results can be downloaded from the panel.
 */
import { deckOfPage, type Channel, type ServerMessage } from './classroom-channel.js';

interface RevealApi {
  getIndices(): { h: number; v: number; f?: number };
  getCurrentSlide(): HTMLElement | undefined;
  isReady(): boolean;
  on(type: string, listener: () => void): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
}

interface Tally {
  deck: string;
  quiz: string;
  kind: 'choice' | 'fill' | 'order';
  counts?: number[];
  top?: Array<[string, number]>;
  answered: number;
  right: number;
  revealed: boolean;
  correct?: number[];
}

const reveal = (globalThis as unknown as { Reveal?: RevealApi }).Reveal;

const style = `
#lecture-classroom { position: fixed; left: 1rem; bottom: 1rem; z-index: 1000; width: min(26rem, 40vw); max-height: 60vh; overflow: auto; font: 15px/1.4 system-ui, sans-serif; color: #1b1b1b; background: rgba(255,255,255,.96); border: 1px solid #c7d0da; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.2); padding: .6rem .8rem; text-align: left; }
#lecture-classroom header { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; font-weight: 600; }
#lecture-classroom header .status { width: .7rem; height: .7rem; border-radius: 50%; background: #2f9e44; }
#lecture-classroom header .status.offline { background: #c92a2a; }
#lecture-classroom header a, #lecture-classroom button { font: inherit; font-size: 13px; padding: .15rem .6rem; border: 1px solid #8a98a8; border-radius: 6px; background: #fff; color: #1b1b1b; cursor: pointer; text-decoration: none; }
#lecture-classroom .quiz-live { margin-top: .6rem; border-top: 1px solid #dde3ea; padding-top: .5rem; }
#lecture-classroom .quiz-live h3 { all: unset; display: block; font-weight: 600; margin-bottom: .3rem; }
#lecture-classroom .bar { display: grid; grid-template-columns: 1.6rem 1fr 2.4rem; align-items: center; gap: .4rem; margin: .2rem 0; }
#lecture-classroom .bar .track { background: #eef1f4; border-radius: 4px; height: 1.1rem; }
#lecture-classroom .bar .fill { background: #4c8fd6; height: 100%; border-radius: 4px; transition: width .2s; }
#lecture-classroom .bar.correct .fill { background: #2f9e44; }
#lecture-classroom .bar.correct .letter { color: #2f9e44; }
#lecture-classroom .count { text-align: right; font-variant-numeric: tabular-nums; }
#lecture-classroom .summary { display: flex; justify-content: space-between; align-items: center; margin-top: .3rem; }
#lecture-join { position: fixed; inset: 0; z-index: 1001; display: grid; place-items: center; background: #fff; font: 2rem/1.3 system-ui, sans-serif; color: #1b1b1b; text-align: center; }
#lecture-join img { width: min(60vh, 70vw); height: auto; image-rendering: pixelated; }
#lecture-join .code { font-size: 3.5rem; font-weight: 700; letter-spacing: .25em; }
`;

export function presenter(channel: Channel, code: string, joinUrl: string): void {
  const deck = deckOfPage();
  const tallies = new Map<string, Tally>();
  let students = 0;
  let connected = false;
  const panel = document.createElement('aside');
  panel.id = 'lecture-classroom';
  const element = document.createElement('style');
  element.textContent = style;
  document.head.append(element);
  document.body.append(panel);

  const quizzesHere = (): HTMLFormElement[] => Array.from(reveal?.getCurrentSlide()?.querySelectorAll<HTMLFormElement>('form.quiz[data-quiz]') ?? []);
  const render = () => renderPanel(panel, { code, students, connected, deck, quizzes: quizzesHere(), tallies, onReveal: (quiz) => channel.send({ type: 'reveal', deck, quiz }) });
  const sendPosition = () => {
    if (!reveal || !deck) return;
    const { h, v, f } = reveal.getIndices();
    channel.send({ type: 'goto', position: { deck, h, v, f: f ?? null }, quizzes: quizzesHere().map((form) => form.id) });
    render();
  };

  channel.onStatus((up) => {
    connected = up;
    if (up) sendPosition();
    render();
  });
  channel.on((message: ServerMessage) => {
    if (message.type === 'students') students = Number(message.count);
    else if (message.type === 'tally') tallies.set(`${String(message.deck)}#${String(message.quiz)}`, message as unknown as Tally);
    else return;
    render();
  });
  if (reveal) {
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(event, sendPosition);
    if (reveal.isReady()) sendPosition();
    else reveal.on('ready', sendPosition);
    reveal.addKeyBinding({ keyCode: 81, key: 'Q', description: 'Classroom: show how to join' }, () => toggleJoin(code, joinUrl));
  }
  panel.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('[data-join]')) toggleJoin(code, joinUrl);
  });
  render();
}

interface PanelState {
  code: string;
  students: number;
  connected: boolean;
  deck: string;
  quizzes: HTMLFormElement[];
  tallies: Map<string, Tally>;
  onReveal: (quiz: string) => void;
}

function renderPanel(panel: HTMLElement, state: PanelState): void {
  panel.replaceChildren();
  const header = document.createElement('header');
  const status = document.createElement('span');
  status.className = `status${state.connected ? '' : ' offline'}`;
  status.title = state.connected ? 'Connected' : 'Reconnecting…';
  const count = document.createElement('span');
  count.className = 'students';
  count.textContent = `${state.students} student${state.students === 1 ? '' : 's'}`;
  const join = document.createElement('button');
  join.type = 'button';
  join.dataset.join = '';
  join.textContent = `Join: ${state.code} (Q)`;
  const results = document.createElement('a');
  results.href = '/_lecture/results.csv';
  results.textContent = 'Results';
  header.append(status, count, join, results);
  panel.append(header);
  for (const form of state.quizzes) panel.append(quizChart(form, state.tallies.get(`${state.deck}#${form.id}`), state.onReveal));
}

/** The live chart of one quiz of the current slide. */
function quizChart(form: HTMLFormElement, tally: Tally | undefined, onReveal: (quiz: string) => void): HTMLElement {
  const box = document.createElement('section');
  box.className = 'quiz-live';
  box.dataset.quiz = form.id;
  const title = document.createElement('h3');
  title.textContent = form.getAttribute('aria-label') ?? form.querySelector('.quiz-question')?.textContent?.trim().slice(0, 80) ?? form.id;
  box.append(title);
  const answered = tally?.answered ?? 0;
  if (form.dataset.kind === 'single' || form.dataset.kind === 'multiple') {
    const options = Array.from(form.querySelectorAll<HTMLLIElement>('.quiz-option'));
    const most = Math.max(1, ...(tally?.counts ?? []));
    for (const option of options) {
      const index = Number(option.querySelector('input')?.value);
      const value = tally?.counts?.[index] ?? 0;
      const bar = document.createElement('div');
      bar.className = `bar${tally?.correct?.includes(index) ? ' correct' : ''}`;
      bar.innerHTML = '<span class="letter"></span><span class="track"><span class="fill"></span></span><span class="count"></span>';
      bar.querySelector('.letter')!.textContent = option.querySelector('.quiz-letter')?.textContent ?? String(index + 1);
      (bar.querySelector('.fill') as HTMLElement).style.width = `${(100 * value) / most}%`;
      bar.querySelector('.count')!.textContent = String(value);
      bar.title = option.querySelector('.quiz-text')?.textContent?.trim() ?? '';
      box.append(bar);
    }
  } else if (tally?.revealed) {
    for (const [text, value] of tally.top ?? []) {
      const line = document.createElement('div');
      line.className = 'bar';
      line.innerHTML = '<span class="letter"></span><span class="track answer"></span><span class="count"></span>';
      line.querySelector('.track')!.textContent = text;
      line.querySelector('.count')!.textContent = String(value);
      box.append(line);
    }
  }
  const summary = document.createElement('div');
  summary.className = 'summary';
  const numbers = document.createElement('span');
  numbers.textContent = tally?.revealed ? `${answered} answered · ${tally.right} right` : `${answered} answered`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'reveal';
  button.textContent = tally?.revealed ? 'Answer shown' : 'Reveal answer';
  button.disabled = Boolean(tally?.revealed);
  button.addEventListener('click', () => onReveal(form.id));
  summary.append(numbers, button);
  box.append(summary);
  return box;
}

/** Show (or hide) the join screen: the address, the code and the QR code. */
function toggleJoin(code: string, joinUrl: string): void {
  const shown = document.getElementById('lecture-join');
  if (shown) return shown.remove();
  const screen = document.createElement('div');
  screen.id = 'lecture-join';
  screen.innerHTML = '<div><p>Join the class: scan, or open <strong class="url"></strong></p><img alt="QR code of the join address"><p class="code"></p></div>';
  screen.querySelector('img')!.setAttribute('src', '/_lecture/join.svg');
  screen.querySelector('.url')!.textContent = joinUrl.replace(/^https?:\/\//, '');
  screen.querySelector('.code')!.textContent = code;
  screen.addEventListener('click', () => screen.remove());
  document.body.append(screen);
}
