import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import type { PartitionLag } from '../sources/consumer-lag.js';

export function lagPage(
  operator: string,
  groupPrefix: string,
  rows: readonly PartitionLag[],
): SafeHtml {
  return page(
    'Verarbeitungsrückstand je Gruppe und Partition',
    html`<form method="get" action="/verzoegerung">
        <label>Gruppen, die beginnen mit <input name="gruppe" value="${groupPrefix}" /></label>
        <button type="submit">Filtern</button>
      </form>
      <table id="rueckstand">
        <thead>
          <tr>
            <th>Verbrauchergruppe</th>
            <th>Thema</th>
            <th>Partition</th>
            <th>Bestätigt bis</th>
            <th>Ende</th>
            <th>Rückstand</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr class="${row.lag > 0n ? 'fail' : ''}">
                <td>${row.group}</td>
                <td>${row.topic}</td>
                <td>${row.partition}</td>
                <td>${row.committed === undefined ? '—' : row.committed.toString()}</td>
                <td>${row.end.toString()}</td>
                <td>${row.lag.toString()}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    operator,
  );
}
