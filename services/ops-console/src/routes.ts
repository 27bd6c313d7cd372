import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Admin } from 'kafkajs';
import { unframe, type SchemaRegistryClient } from '@hub/avro-serde';
import { opsScopes, type Operator, type OperatorTokens } from './auth/operator-tokens.js';
import { clearedSessionCookie, sessionCookie, tokenOf, type CsrfTokens } from './auth/session.js';
import type { DeadLetterSource } from './dead-letters/dead-letter-source.js';
import { matches, viewOf, type DeadLetterFilter } from './dead-letters/dead-letter-view.js';
import { safePreview } from './dead-letters/safe-preview.js';
import type { SafeHtml } from './html/html.js';
import { auditPage } from './pages/audit.page.js';
import { deadLetterPage } from './pages/dead-letter.page.js';
import { deadLettersPage } from './pages/dead-letters.page.js';
import { healthPage } from './pages/health.page.js';
import { lagPage } from './pages/lag.page.js';
import { loginPage } from './pages/login.page.js';
import { confirmReplayPage, replayedPage } from './pages/replay.page.js';
import { searchPage } from './pages/search.page.js';
import { stuckPage } from './pages/stuck.page.js';
import type { DeadLetterReplayer } from './replay/replay-dead-letters.js';
import type { ReplayAudit } from './replay/replay-audit.js';
import type { CaseHistory } from './sources/case-history.js';
import type { CitizenTimeline } from './sources/citizen-timeline.js';
import { consumerLag } from './sources/consumer-lag.js';
import { serviceHealth } from './sources/service-health.js';
import type { ZipkinTraces } from './sources/zipkin-traces.js';
import { applicationTimeline } from './timeline/application-timeline.js';

export interface ConsoleParts {
  readonly tokens: OperatorTokens;
  readonly csrf: CsrfTokens;
  readonly cookieSecure: boolean;
  readonly cases: CaseHistory;
  readonly citizen: CitizenTimeline;
  readonly zipkin: ZipkinTraces;
  readonly deadLetters: DeadLetterSource;
  readonly replayer: DeadLetterReplayer;
  readonly audit: ReplayAudit;
  readonly registry: SchemaRegistryClient;
  readonly admin: Admin;
  readonly healthTargets: Record<string, string>;
  readonly stuckAfterMinutes: number;
}

interface Session {
  readonly operator: Operator;
  readonly token: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sessionSeconds = 8 * 60 * 60;

function send(response: Response, status: number, body: SafeHtml): void {
  response.status(status).type('html').send(body.text);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function minutes(value: unknown): number | undefined {
  const given = text(value);
  const parsed = Number(given);
  return given !== undefined && Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/** Form fields that may repeat (`id=a&id=b`) as a list of strings. */
function list(value: unknown): string[] {
  return [value].flat().filter((item): item is string => typeof item === 'string');
}

function formOf(request: Request): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}

function schemaIdOf(value: Buffer | null): number | undefined {
  try {
    return value ? unframe(value).schemaId : undefined;
  } catch {
    return undefined;
  }
}

/** The console's pages; every one but the login needs an operator token with `ops:read`. */
export function consoleRoutes(parts: ConsoleParts): Router {
  const router = express.Router();
  const sessionOf = (response: Response) => response.locals.session as Session;

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

  /** Replays change the hub: they need `ops:replay` and the session's form token. */
  const mayReplay = (request: Request, response: Response): boolean => {
    const { operator, token } = sessionOf(response);
    if (!parts.csrf.matches(token, formOf(request).csrf)) {
      send(response, 403, loginPage('Formular abgelaufen oder fremd: bitte Seite neu laden.'));
      return false;
    }
    if (!operator.scopes.has(opsScopes.replay)) {
      send(response, 403, loginPage(`Dem Token fehlt die Berechtigung ${opsScopes.replay}.`));
      return false;
    }
    return true;
  };

  router.get('/', async (request, response) => {
    const { operator } = sessionOf(response);
    const query = text(request.query.antrag) ?? '';
    if (!query) {
      send(response, 200, searchPage(operator.subject, '', undefined));
      return;
    }
    if (!uuidPattern.test(query)) {
      const error = 'Keine gültige Antragsnummer (UUID).';
      send(response, 400, searchPage(operator.subject, query, { error }));
      return;
    }
    const applicationId = query.toLowerCase();
    const [current, caseSteps, citizenSteps, letters, spans] = await Promise.all([
      parts.cases.caseOf(applicationId),
      parts.cases.stepsOf(applicationId),
      parts.citizen.stepsOf(applicationId),
      parts.deadLetters.letters(),
      parts.zipkin.spansOf(applicationId),
    ]);
    const deadLetters = letters.map(viewOf).filter((letter) => letter.key === applicationId);
    const traceIds = new Set([
      ...spans.map((span) => span.traceId),
      ...deadLetters.flatMap((letter) => (letter.traceId ? [letter.traceId] : [])),
    ]);
    send(
      response,
      200,
      searchPage(operator.subject, query, {
        applicationId,
        current,
        entries: applicationTimeline({ caseSteps, citizenSteps, deadLetters, spans }),
        traceLinks: [...traceIds].map((traceId) => ({ traceId, href: parts.zipkin.link(traceId) })),
      }),
    );
  });

  router.get('/fehlerablage', async (request, response) => {
    const { operator, token } = sessionOf(response);
    const filter: DeadLetterFilter = {
      code: text(request.query.code),
      service: text(request.query.dienst),
      key: text(request.query.schluessel),
      olderThanMinutes: minutes(request.query.aelter),
      newerThanMinutes: minutes(request.query.juenger),
    };
    const now = new Date();
    const [topics, letters] = await Promise.all([
      parts.deadLetters.topics(),
      parts.deadLetters.letters(),
    ]);
    const shown = letters.map(viewOf).filter((letter) => matches(filter, letter, now));
    const replays = await parts.audit.replayCounts(shown.map((letter) => letter.id));
    const csrf = parts.csrf.of(token);
    send(
      response,
      200,
      deadLettersPage({
        operator: operator.subject,
        csrf,
        topics,
        filter,
        letters: shown,
        replays,
      }),
    );
  });

  router.get('/fehlerablage/brief', async (request, response) => {
    const { operator, token } = sessionOf(response);
    const id = text(request.query.id) ?? '';
    const [letter] = id.startsWith('dlq.') ? await parts.deadLetters.byIds([id]) : [];
    if (!letter) {
      send(response, 404, searchPage(operator.subject, '', { error: `Kein Fehlerbrief ${id}.` }));
      return;
    }
    const schemaId = schemaIdOf(letter.value);
    const schemaText =
      schemaId === undefined ? undefined : await parts.registry.schemaById(schemaId);
    const view = viewOf(letter);
    send(
      response,
      200,
      deadLetterPage({
        operator: operator.subject,
        csrf: parts.csrf.of(token),
        letter: view,
        headers: letter.headers,
        preview: safePreview(letter.value, () => schemaText),
        traceHref: view.traceId ? parts.zipkin.link(view.traceId) : undefined,
      }),
    );
  });

  router.post('/fehlerablage/bestaetigen', async (request, response) => {
    if (!mayReplay(request, response)) return;
    const { operator, token } = sessionOf(response);
    const ids = list(formOf(request).id);
    const letters = ids.length === 0 ? [] : await parts.deadLetters.byIds(ids);
    const csrf = parts.csrf.of(token);
    send(response, 200, confirmReplayPage(operator.subject, csrf, letters.map(viewOf)));
  });

  router.post('/fehlerablage/einspielen', async (request, response) => {
    if (!mayReplay(request, response)) return;
    const { operator } = sessionOf(response);
    const outcomes = await parts.replayer.replay(list(formOf(request).id), operator.subject);
    send(response, 200, replayedPage(operator.subject, outcomes));
  });

  router.get('/verzoegerung', async (request, response) => {
    const prefix = text(request.query.gruppe) ?? '';
    const rows = (await consumerLag(parts.admin)).filter((row) => row.group.startsWith(prefix));
    send(response, 200, lagPage(sessionOf(response).operator.subject, prefix, rows));
  });
  router.get('/gesundheit', async (_request, response) => {
    const reports = await serviceHealth(parts.healthTargets);
    send(response, 200, healthPage(sessionOf(response).operator.subject, reports));
  });
  router.get('/haengend', async (request, response) => {
    const after = minutes(request.query.minuten) ?? parts.stuckAfterMinutes;
    const cases = await parts.cases.stuck(after);
    send(response, 200, stuckPage(sessionOf(response).operator.subject, after, cases));
  });
  router.get('/protokoll', async (_request, response) => {
    const replays = await parts.audit.latest();
    send(response, 200, auditPage(sessionOf(response).operator.subject, replays));
  });
  return router;
}
