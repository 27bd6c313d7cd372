import type { DeadLetterView } from '../dead-letters/dead-letter-view.js';
import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import type { ReplayOutcome } from '../replay/replay-dead-letters.js';

/**
 * The confirmation step: nothing is replayed until the operator confirms this list. Letters
 * replayed before say so (a second replay is harmless downstream, the event id is the same, but
 * rarely meant).
 */
export function confirmReplayPage(
  operator: string,
  csrf: string,
  letters: readonly DeadLetterView[],
  replays: ReadonlyMap<string, number>,
): SafeHtml {
  return page(
    'Erneut einspielen: Bestätigung',
    letters.length === 0
      ? html`<p class="fail">Keine Fehlerbriefe ausgewählt.</p>
          <p><a href="/fehlerablage">Zurück</a></p>`
      : html`<p>
            Diese ${letters.length} Fehlerbriefe werden auf ihr Ursprungsthema zurückgelegt und dort
            erneut verarbeitet:
          </p>
          <ul id="auswahl">
            ${letters.map(
              (l) =>
                html`<li>
                  <code>${l.id}</code> · ${l.code} · Schlüssel ${l.key ?? '—'}
                  ${replays.get(l.id) ? html`<strong class="fail">bereits ${replays.get(l.id)}× eingespielt</strong>` : ''}
                </li>`,
            )}
          </ul>
          <form method="post" action="/fehlerablage/einspielen">
            <input type="hidden" name="csrf" value="${csrf}" />
            ${letters.map((l) => html`<input type="hidden" name="id" value="${l.id}" />`)}
            <button type="submit">Ja, jetzt erneut einspielen</button>
            <a href="/fehlerablage">Abbrechen</a>
          </form>`,
    operator,
  );
}

export function replayedPage(operator: string, outcomes: readonly ReplayOutcome[]): SafeHtml {
  return page(
    'Erneut eingespielt',
    html`<table id="ergebnis">
        <thead>
          <tr>
            <th>Fehlerbrief</th>
            <th>Ergebnis</th>
          </tr>
        </thead>
        ${outcomes.map(
          (o) =>
            html`<tr class="${o.ok ? 'ok' : 'fail'}">
              <td><code>${o.id}</code></td>
              <td>${o.ok ? `eingespielt nach ${o.target}` : o.reason}</td>
            </tr>`,
        )}
      </table>
      <p><a href="/protokoll">Protokoll</a> · <a href="/fehlerablage">Fehlerablage</a></p>`,
    operator,
  );
}
