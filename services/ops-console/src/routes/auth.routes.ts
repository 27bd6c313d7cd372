import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { opsScopes, type OperatorTokens } from '../auth/operator-tokens.js';
import { clearedSessionCookie, sessionCookie, tokenOf, type CsrfTokens } from '../auth/session.js';
import { loginPage } from '../pages/login.page.js';
import { formOf, send, sessionOf, text, type Session } from './request-values.js';

const sessionSeconds = 8 * 60 * 60;

export interface AuthParts {
  readonly tokens: OperatorTokens;
  readonly csrf: CsrfTokens;
  readonly cookieSecure: boolean;
}

/** Login and logout, then the check every later page passes: an operator token with `ops:read`. */
export function authRoutes(parts: AuthParts): Router {
  const router = express.Router();
  router.get('/anmelden', (_request, response) => {
    send(response, 200, loginPage());
  });
  router.post('/anmelden', async (request, response) => {
    const token = text(formOf(request).token);
    const verified = await parts.tokens.verify(token);
    if (!verified.ok || !token) {
      send(response, 401, loginPage(verified.ok ? undefined : verified.reason));
      return;
    }
    response.setHeader('set-cookie', sessionCookie(token, parts.cookieSecure, sessionSeconds));
    response.redirect(303, '/');
  });
  router.get('/abmelden', (_request, response) => {
    response.setHeader('set-cookie', clearedSessionCookie());
    response.redirect(303, '/anmelden');
  });

  router.use(async (request: Request, response: Response, next: NextFunction) => {
    const token = tokenOf(request);
    const verified = await parts.tokens.verify(token);
    if (!verified.ok || !token) {
      if (request.method === 'GET') response.redirect(303, '/anmelden');
      else send(response, 401, loginPage(verified.ok ? undefined : verified.reason));
      return;
    }
    response.locals.session = { operator: verified.operator, token } satisfies Session;
    next();
  });

  return router;
}

/** Replays change the hub: they need `ops:replay` and the session's form token. */
export function mayReplay(csrf: CsrfTokens, request: Request, response: Response): boolean {
  const { operator, token } = sessionOf(response);
  if (!csrf.matches(token, formOf(request).csrf)) {
    send(response, 403, loginPage('Formular abgelaufen oder fremd: bitte Seite neu laden.'));
    return false;
  }
  if (!operator.scopes.has(opsScopes.replay)) {
    send(response, 403, loginPage(`Dem Token fehlt die Berechtigung ${opsScopes.replay}.`));
    return false;
  }
  return true;
}
