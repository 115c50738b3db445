/**
 * A student's deck in classroom mode: it follows the presenter's slide and
 * fragment until the student moves by themselves (then a "Follow" button
 * brings it back), sends the answers the quiz plugin hands over, and shows
 * each quiz's reveal: the right options marked, the student's own answer
 * right or wrong, the explanation.
 */
import { deckOfPage, type Channel, type ServerMessage } from './classroom-channel.js';
import { message } from './state.js';

interface RevealApi {
  slide(h: number, v?: number, f?: number): void;
  isReady(): boolean;
  on(type: string, listener: () => void): void;
}

interface Position {
  deck: string;
  h: number;
  v: number;
  f: number | null;
}

interface Revealed {
  deck: string;
  quiz: string;
  right: boolean | null;
  choices?: number[];
  blanks?: string[];
  order?: string[];
  explanation?: string;
}

const reveal = (globalThis as unknown as { Reveal?: RevealApi }).Reveal;
const followKey = 'lecture-classroom-follow';

export function student(channel: Channel): void {
  const deck = deckOfPage();
  let following = sessionStorage.getItem(followKey) !== 'no';
  let latest: Position | undefined;
  let moving = false;
  const button = followButton(() => {
    following = true;
    sessionStorage.removeItem(followKey);
    button.hidden = true;
    if (latest) go(latest);
  });
  button.hidden = following;

  const go = (position: Position) => {
    latest = position;
    if (!following) return;
    if (position.deck !== deck) {
      location.href = `/${encodeURIComponent(position.deck)}/`;
      return;
    }
    if (!reveal) return;
    const move = () => {
      moving = true;
      reveal.slide(position.h, position.v, position.f ?? undefined);
      moving = false;
    };
    if (reveal.isReady()) move();
    else reveal.on('ready', move);
  };

  // Moving by oneself stops following; "Follow" starts it again.
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) {
    reveal?.on(event, () => {
      if (moving || !following) return;
      following = false;
      sessionStorage.setItem(followKey, 'no');
      button.hidden = false;
    });
  }

  document.addEventListener('lecture:answer', (event) => {
    const form = event.target as HTMLFormElement;
    const sent = channel.send({ type: 'answer', deck, quiz: form.id, answer: (event as CustomEvent).detail });
    say(form, sent ? '…' : 'Not connected: try again in a moment.');
  });

  channel.on((received: ServerMessage) => {
    if (received.type === 'hello') {
      for (const value of Object.values(received.revealed as Record<string, Revealed>)) if (value.deck === deck) show(value);
      if (received.position) go(received.position as Position);
    } else if (received.type === 'position') go(received as unknown as Position);
    else if (received.type === 'received' && received.deck === deck) sayOn(String(received.quiz), (form) => message(form, 'classroom.sent'));
    else if (received.type === 'refused' && received.deck === deck) sayOn(String(received.quiz), (form) => (/already shown/.test(String(received.reason)) ? message(form, 'classroom.closed') : String(received.reason)));
    else if (received.type === 'revealed' && received.deck === deck) show(received as unknown as Revealed);
  });
}

function followButton(onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lecture-follow';
  button.textContent = message(document.body, 'classroom.follow');
  button.setAttribute('style', 'position:fixed;right:1rem;bottom:1rem;z-index:1000;padding:.6rem 1.1rem;border:0;border-radius:999px;background:#1d6fb8;color:#fff;font:600 16px system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer');
  button.addEventListener('click', onClick);
  document.body.append(button);
  return button;
}

function formOf(quiz: string): HTMLFormElement | null {
  const form = document.getElementById(quiz);
  return form instanceof HTMLFormElement ? form : null;
}

function say(form: HTMLFormElement, text: string): void {
  const result = form.querySelector('.quiz-result');
  if (result) result.textContent = text;
}

function sayOn(quiz: string, text: (form: HTMLFormElement) => string): void {
  const form = formOf(quiz);
  if (form) say(form, text(form));
}

/** Show a quiz's reveal: the right answer marked, the student's own right or wrong, the explanation; answering is over. */
function show(revealed: Revealed): void {
  const form = formOf(revealed.quiz);
  if (!form) return;
  if (revealed.choices) {
    for (const option of Array.from(form.querySelectorAll<HTMLLIElement>('.quiz-option'))) {
      const input = option.querySelector('input');
      const correct = revealed.choices.includes(Number(input?.value));
      option.classList.toggle('is-correct', correct);
      option.classList.toggle('is-wrong', !correct && Boolean(input?.checked));
    }
  }
  if (revealed.blanks) {
    form.querySelectorAll<HTMLInputElement>('input.quiz-blank').forEach((blank, index) => {
      const answer = revealed.blanks?.[index] ?? '';
      blank.classList.add(blank.value.trim().toLowerCase() === answer.trim().toLowerCase() ? 'is-correct' : 'is-wrong');
      blank.title = answer;
      if (!blank.value) blank.placeholder = answer;
    });
  }
  if (revealed.order) {
    const list = form.querySelector('.quiz-order-items');
    const items = Array.from(form.querySelectorAll<HTMLLIElement>('.quiz-order-item'));
    for (const token of revealed.order) {
      const item = items.find((candidate) => candidate.dataset.item === token);
      if (item && list) list.appendChild(item);
    }
    Array.from(list?.children ?? []).forEach((item, position) => {
      item.classList.add('is-correct');
      const letter = item.querySelector('.quiz-letter');
      if (letter) letter.textContent = String.fromCharCode(65 + position);
    });
  }
  form.classList.add('is-answered', 'is-revealed');
  form.classList.toggle('is-right', revealed.right === true);
  for (const control of Array.from(form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button:not(.quiz-hint-button)'))) control.disabled = true;
  say(form, revealed.right === true ? message(form, 'quiz.correct') : revealed.right === false ? message(form, 'classroom.wrong') : message(form, 'classroom.none'));
  form.querySelector('.quiz-explanation')?.remove();
  if (revealed.explanation) {
    const explanation = document.createElement('div');
    explanation.className = 'quiz-explanation';
    explanation.textContent = revealed.explanation;
    form.appendChild(explanation);
  }
}
