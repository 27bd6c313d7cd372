import { html, type SafeHtml } from '../html/html.js';
import { page } from '../html/layout.js';

/** Takes an operator token once and turns it into the session cookie (see auth/session.ts). */
export function loginPage(reason?: string): SafeHtml {
  return page(
    'Anmeldung',
    html`${reason ? html`<p class="fail" role="alert">${reason}</p>` : ''}
      <form method="post" action="/anmelden">
        <p>
          <label for="token">Operator-Token (JWT mit Berechtigung <code>ops:read</code>)</label
          ><br />
          <textarea id="token" name="token" rows="6" cols="80" required></textarea>
        </p>
        <button type="submit">Anmelden</button>
      </form>
      <p class="hint">Lokal: <code>npm run hub -- dev-token --operator</code></p>`,
  );
}
