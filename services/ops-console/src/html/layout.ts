import { html, SafeHtml } from './html.js';

const navigation: readonly [href: string, label: string][] = [
  ['/', 'Antrag suchen'],
  ['/fehlerablage', 'Fehlerablage (Dead Letters)'],
  ['/verzoegerung', 'Verarbeitungsrückstand'],
  ['/gesundheit', 'Dienste'],
  ['/haengend', 'Hängende Anträge'],
  ['/protokoll', 'Protokoll der Wiedereinspielungen'],
];

const style = `
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b}
header{background:#1d3f6e;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
header a{color:#fff}header strong{margin-right:1rem}header .operator{color:#dde6f3}
main{padding:1rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef}.ok{color:#0a6b0a}.fail{color:#b00020}.hint{color:#555}
form.inline{display:inline}code{font-size:.9em}`;
/** A constant of this file, never input: safe as it is. */
const trustedStyle = new SafeHtml(style);

/** Every page: German labels, the navigation, and the operator who is signed in. */
export function page(title: string, body: SafeHtml, operator?: string): SafeHtml {
  return html`<!doctype html>
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <title>${title} · Betriebskonsole</title>
        <style>
          ${trustedStyle}
        </style>
      </head>
      <body>
        <header>
          <strong>Betriebskonsole</strong>
          ${navigation.map(([href, label]) => html`<a href="${href}">${label}</a>`)}
          ${operator ? html`<span class="operator">Angemeldet: ${operator} · <a href="/abmelden">Abmelden</a></span>` : ''}
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}
