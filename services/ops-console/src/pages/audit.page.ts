import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';
import type { AuditedReplay } from '../replay/replay-audit.js';
import { shownTime } from './format.js';

export function auditPage(operator: string, replays: readonly AuditedReplay[]): SafeHtml {
  return page(
    'Protokoll der Wiedereinspielungen',
    html`<table id="protokoll">
      <thead>
        <tr>
          <th>Zeit</th>
          <th>Wer</th>
          <th>Fehlerbrief</th>
          <th>Ereignis-ID</th>
          <th>Antrag</th>
          <th>Ziel</th>
        </tr>
      </thead>
      <tbody>
        ${replays.map(
          (r) =>
            html`<tr>
              <td>${shownTime(r.replayedAt)}</td>
              <td>${r.operator}</td>
              <td><code>${r.deadLetterId}</code></td>
              <td><code>${r.eventId ?? '—'}</code></td>
              <td>${r.applicationId ?? '—'}</td>
              <td>${r.targetTopic}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
    operator,
  );
}
