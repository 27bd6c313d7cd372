import express, { type Router } from 'express';
import type { Admin } from 'kafkajs';
import type { DeadLetterSource } from '../dead-letters/dead-letter-source.js';
import { viewOf } from '../dead-letters/dead-letter-view.js';
import { auditPage } from '../pages/audit.page.js';
import { healthPage } from '../pages/health.page.js';
import { lagPage } from '../pages/lag.page.js';
import { searchPage } from '../pages/search.page.js';
import { stuckPage } from '../pages/stuck.page.js';
import type { ReplayAudit } from '../replay/replay-audit.js';
import type { CaseHistory } from '../sources/case-history.js';
import type { CitizenTimeline } from '../sources/citizen-timeline.js';
import { consumerLag } from '../sources/consumer-lag.js';
import { serviceHealth } from '../sources/service-health.js';
import type { ZipkinTraces } from '../sources/zipkin-traces.js';
import { applicationTimeline } from '../timeline/application-timeline.js';
import { minutes, send, sessionOf, text } from './request-values.js';

export interface OverviewParts {
  readonly cases: CaseHistory;
  readonly citizen: CitizenTimeline;
  readonly zipkin: ZipkinTraces;
  readonly deadLetters: DeadLetterSource;
  readonly audit: ReplayAudit;
  readonly admin: Admin;
  readonly healthTargets: Record<string, string>;
  readonly stuckAfterMinutes: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What operators look at: an application's timeline, lag, health, stuck cases, the replay audit. */
export function overviewRoutes(parts: OverviewParts): Router {
  const router = express.Router();

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
