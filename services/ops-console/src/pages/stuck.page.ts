import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import type { CaseSummary } from '../sources/case-history.js';
import { shownTime } from './format.js';

/** Cases without a change for longer than N minutes, grouped by the state they hang in. */
export function stuckPage(
  operator: string,
  minutes: number,
  cases: readonly CaseSummary[],
): SafeHtml {
  const byState = new Map<string, CaseSummary[]>();
  for (const stuck of cases) byState.set(stuck.state, [...(byState.get(stuck.state) ?? []), stuck]);
  return page(
    'Hängende Anträge',
    html`<form method="get" action="/haengend">
        <label
          >länger als
          <input name="minuten" type="number" min="0" step="any" value="${minutes}" /> Minuten
          unverändert</label
        >
        <button type="submit">Anzeigen</button>
      </form>
      ${byState.size === 0 ? html`<p>Keine.</p>` : ''}
      ${[...byState].map(
        ([state, inState]) =>
          html`<h2>${state} (${inState.length})</h2>
            <table>
              <thead>
                <tr>
                  <th>Antrag</th>
                  <th>unverändert seit</th>
                </tr>
              </thead>
              ${inState.map(
                (c) =>
                  html`<tr>
                    <td>
                      <a href="/?antrag=${encodeURIComponent(c.applicationId)}"
                        >${c.applicationId}</a
                      >
                    </td>
                    <td>${shownTime(c.updatedAt)}</td>
                  </tr>`,
              )}
            </table>`,
      )}`,
    operator,
  );
}
