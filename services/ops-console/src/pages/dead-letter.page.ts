import type { SafePreview } from '../dead-letters/safe-preview.js';
import type { DeadLetterView } from '../dead-letters/dead-letter-view.js';
import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';

/** One dead letter: all headers, the safe preview of its payload, and the way to replay it. */
export function deadLetterPage(parts: {
  readonly operator: string;
  readonly csrf: string;
  readonly letter: DeadLetterView;
  readonly headers: Readonly<Record<string, string>>;
  readonly preview: SafePreview;
  readonly traceHref: string | undefined;
}): SafeHtml {
  const { letter, preview } = parts;
  return page(
    `Fehlerbrief ${letter.id}`,
    html`<p>
        Schlüssel <code>${letter.key ?? '—'}</code> ·
        ${letter.key ? html`<a href="/?antrag=${encodeURIComponent(letter.key)}">Zeitleiste des Antrags</a>` : ''}
        ${parts.traceHref ? html` · <a href="${parts.traceHref}" target="_blank" rel="noopener">Trace</a>` : ''}
      </p>
      <h2>Kopfzeilen</h2>
      <table id="kopfzeilen">
        ${Object.entries(parts.headers).map(
          ([name, value]) =>
            html`<tr>
              <th>${name}</th>
              <td><code>${value}</code></td>
            </tr>`,
        )}
      </table>
      <h2>Inhalt (sichere Vorschau)</h2>
      <p>
        ${preview.sizeBytes} Bytes · Schema-ID ${preview.schemaId ?? '—'} ·
        ${preview.schemaName ?? ''}
        ${preview.note ? html`<br /><span class="hint">${preview.note}</span>` : ''}
      </p>
      <table id="vorschau">
        <thead>
          <tr>
            <th>Feld</th>
            <th>Wert</th>
          </tr>
        </thead>
        ${preview.fields.map(
          (field) =>
            html`<tr>
              <td><code>${field.path}</code></td>
              <td>${field.value ?? html`<span class="hint">verborgen (personenbezogen)</span>`}</td>
            </tr>`,
        )}
      </table>
      <form method="post" action="/fehlerablage/bestaetigen">
        <input type="hidden" name="csrf" value="${parts.csrf}" />
        <input type="hidden" name="id" value="${letter.id}" />
        <button type="submit">Erneut einspielen …</button>
      </form>`,
    parts.operator,
  );
}
