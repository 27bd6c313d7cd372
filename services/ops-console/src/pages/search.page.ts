import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import type { CaseSummary } from '../sources/case-history.js';
import type { TimelineEntry } from '../timeline/application-timeline.js';
import { shownTime } from './format.js';

export interface ApplicationFound {
  readonly applicationId: string;
  readonly current: CaseSummary | undefined;
  readonly entries: readonly TimelineEntry[];
  /** Zipkin links of every trace the application's events belong to. */
  readonly traceLinks: readonly { traceId: string; href: string }[];
}

export function searchPage(
  operator: string,
  query: string,
  found: ApplicationFound | { error: string } | undefined,
): SafeHtml {
  return page(
    'Antrag suchen',
    html`<form method="get" action="/">
        <label for="antrag">Antragsnummer (UUID)</label>
        <input id="antrag" name="antrag" size="40" value="${query}" />
        <button type="submit">Suchen</button>
      </form>
      ${found === undefined ? '' : 'error' in found ? html`<p class="fail">${found.error}</p>` : timeline(found)}`,
    operator,
  );
}

function timeline(found: ApplicationFound): SafeHtml {
  return html`<h2>Antrag <code>${found.applicationId}</code></h2>
    <p id="zustand">
      Aktueller Zustand:
      <strong>${found.current?.state ?? 'unbekannt (der Fallsteuerung nicht bekannt)'}</strong>
      ${found.current ? html`seit ${shownTime(found.current.updatedAt)}` : ''}
      ${found.current?.caseNumber ? html`· Aktenzeichen ${found.current.caseNumber}` : ''}
    </p>
    <p>
      Ablaufverfolgung:
      ${
        found.traceLinks.length === 0
          ? html`<span class="hint">keine Trace-ID bekannt</span>`
          : found.traceLinks.map(
              (link) =>
                html`<a href="${link.href}" target="_blank" rel="noopener">${link.traceId}</a> `,
            )
      }
    </p>
    <table id="zeitleiste">
      <thead>
        <tr>
          <th>Zeit</th>
          <th>Dienst</th>
          <th>Art</th>
          <th>Ereignis</th>
        </tr>
      </thead>
      <tbody>
        ${
          found.entries.length === 0
            ? html`<tr>
                <td colspan="4">Keine Einträge.</td>
              </tr>`
            : found.entries.map(
                (entry) =>
                  html`<tr class="${entry.failed ? 'fail' : ''}">
                    <td>${shownTime(entry.at)}</td>
                    <td>${entry.source}</td>
                    <td>${entry.kind}</td>
                    <td>
                      ${entry.text}
                      ${
                        entry.deadLetterId
                          ? html` ·
                              <a
                                href="/fehlerablage/brief?id=${encodeURIComponent(entry.deadLetterId)}"
                                >Fehlerbrief ansehen</a
                              >`
                          : ''
                      }
                    </td>
                  </tr>`,
              )
        }
      </tbody>
    </table>`;
}
