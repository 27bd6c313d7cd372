import type { DeadLetterTopic } from '@hub/dead-letters';
import type { DeadLetterFilter, DeadLetterView } from '../dead-letters/dead-letter-view.js';
import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import { shownTime } from './format.js';

/** The workbench: every dlq.* topic with its count, a filter, and the matching letters to pick for replay. */
export function deadLettersPage(parts: {
  readonly operator: string;
  readonly csrf: string;
  readonly topics: readonly DeadLetterTopic[];
  readonly filter: DeadLetterFilter;
  readonly letters: readonly DeadLetterView[];
  readonly replays: ReadonlyMap<string, number>;
}): SafeHtml {
  const { filter } = parts;
  return page(
    'Fehlerablage (Dead Letters)',
    html`<h2>Themen</h2>
      <table id="themen">
        <thead>
          <tr>
            <th>Fehlerablage-Thema</th>
            <th>Anzahl</th>
          </tr>
        </thead>
        <tbody>
          ${parts.topics.map(
            (t) =>
              html`<tr>
                <td>${t.topic}</td>
                <td>${t.count}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>Filter</h2>
      <form method="get" action="/fehlerablage">
        <label>Fehlercode <input name="code" value="${filter.code ?? ''}" /></label>
        <label>Dienst <input name="dienst" value="${filter.service ?? ''}" /></label>
        <label>Schlüssel <input name="schluessel" value="${filter.key ?? ''}" size="38" /></label>
        <label
          >älter als (Min.)
          <input name="aelter" type="number" min="0" value="${filter.olderThanMinutes ?? ''}"
        /></label>
        <label
          >jünger als (Min.)
          <input name="juenger" type="number" min="0" value="${filter.newerThanMinutes ?? ''}"
        /></label>
        <button type="submit">Filtern</button>
      </form>
      <h2>Fehlerbriefe (${parts.letters.length})</h2>
      <form method="post" action="/fehlerablage/bestaetigen">
        <input type="hidden" name="csrf" value="${parts.csrf}" />
        <table id="fehlerbriefe">
          <thead>
            <tr>
              <th>Auswahl</th>
              <th>Brief</th>
              <th>Schlüssel</th>
              <th>Dienst</th>
              <th>Fehlercode</th>
              <th>Versuche</th>
              <th>Letzter Fehler</th>
              <th>Erneut eingespielt</th>
            </tr>
          </thead>
          <tbody>
            ${parts.letters.map(
              (letter) =>
                html`<tr>
                  <td>
                    <input
                      type="checkbox"
                      name="id"
                      value="${letter.id}"
                      aria-label="${letter.id} auswählen"
                    />
                  </td>
                  <td>
                    <a href="/fehlerablage/brief?id=${encodeURIComponent(letter.id)}"
                      >${letter.id}</a
                    >
                  </td>
                  <td>${letter.key ?? '—'}</td>
                  <td>${letter.service}</td>
                  <td>${letter.code}</td>
                  <td>${letter.attempts}</td>
                  <td>${shownTime(letter.lastFailureAt)}</td>
                  <td>
                    ${parts.replays.get(letter.id) ? `${parts.replays.get(letter.id)}×` : 'nein'}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <button type="submit">Auswahl erneut einspielen …</button>
      </form>`,
    parts.operator,
  );
}
