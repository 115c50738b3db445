/**
 * The page students land on at `/join`: one field for the code on the
 * screen. Made with hastscript, like every page we write.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

const style = `body{font:18px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f4f6f8;color:#1b1b1b}
main{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 4px 20px rgba(0,0,0,.08);max-width:22rem;width:calc(100% - 2rem)}
h1{font-size:1.4rem;margin:0 0 1rem}input{font:inherit;font-size:1.6rem;letter-spacing:.2em;text-transform:uppercase;width:100%;box-sizing:border-box;padding:.4rem .6rem;border:2px solid #8a98a8;border-radius:8px}
button{font:inherit;margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:8px;background:#1d6fb8;color:#fff}p.problem{color:#b42318}`;

/** The join page, with `problem` (a wrong code …) shown above the field. */
export function joinPage(problem: string): string {
  const tree = h('html', { lang: 'en' }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', 'Join the class'), h('style', style)]),
    h('body', [
      h('main', [
        h('h1', 'Join the class'),
        ...(problem ? [h('p.problem', { role: 'alert' }, problem)] : []),
        h('form', { method: 'get', action: '/join' }, [
          h('label', { htmlFor: 'code' }, 'Code on the screen'),
          h('input#code', { name: 'code', autocomplete: 'off', autocapitalize: 'characters', inputMode: 'text', maxLength: 12, required: true, autofocus: true }),
          h('button', { type: 'submit' }, 'Join'),
        ]),
      ]),
    ]),
  ]);
  return `<!doctype html>${toHtml(tree)}`;
}
