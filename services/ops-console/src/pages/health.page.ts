import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import type { HealthReport } from '../sources/service-health.js';

export function healthPage(operator: string, reports: readonly HealthReport[]): SafeHtml {
  return page(
    'Dienste und Simulatoren',
    html`<table id="dienste">
      <thead>
        <tr>
          <th>Name</th>
          <th>Zustand</th>
          <th>HTTP</th>
          <th>Prüfungen</th>
          <th>Adresse</th>
        </tr>
      </thead>
      <tbody>
        ${
          reports.length === 0
            ? html`<tr>
                <td colspan="5">Keine Ziele konfiguriert (HEALTH_TARGETS_JSON).</td>
              </tr>`
            : reports.map(
                (report) =>
                  html`<tr class="${report.state === 'bereit' ? 'ok' : 'fail'}">
                    <td>${report.name}</td>
                    <td>${report.state}</td>
                    <td>${report.httpStatus ?? '—'}</td>
                    <td>
                      ${Object.entries(report.checks).map(([name, state]) => `${name}: ${state} `)}
                    </td>
                    <td><code>${report.url}</code></td>
                  </tr>`,
              )
        }
      </tbody>
    </table>`,
    operator,
  );
}
