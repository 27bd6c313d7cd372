import express, { type Router } from 'express';
import { unframe, type SchemaRegistryClient } from '@hub/avro-serde';
import type { CsrfTokens } from '../auth/session.js';
import type { DeadLetterSource } from '../dead-letters/dead-letter-source.js';
import { matches, viewOf, type DeadLetterFilter } from '../dead-letters/dead-letter-view.js';
import { safePreview } from '../dead-letters/safe-preview.js';
import { deadLetterPage } from '../pages/dead-letter.page.js';
import { deadLettersPage } from '../pages/dead-letters.page.js';
import { confirmReplayPage, replayedPage } from '../pages/replay.page.js';
import { searchPage } from '../pages/search.page.js';
import type { DeadLetterReplayer } from '../replay/replay-dead-letters.js';
import type { ReplayAudit } from '../replay/replay-audit.js';
import type { ZipkinTraces } from '../sources/zipkin-traces.js';
import { mayReplay } from './auth.routes.js';
import { formOf, list, minutes, send, sessionOf, text } from './request-values.js';

export interface DeadLetterParts {
  readonly csrf: CsrfTokens;
  readonly deadLetters: DeadLetterSource;
  readonly replayer: DeadLetterReplayer;
  readonly audit: ReplayAudit;
  readonly registry: SchemaRegistryClient;
  readonly zipkin: ZipkinTraces;
}

function schemaIdOf(value: Buffer | null): number | undefined {
  try {
    return value ? unframe(value).schemaId : undefined;
  } catch {
    return undefined;
  }
}

/** The workbench: list and filter, one letter in detail, confirm, replay. */
export function deadLetterRoutes(parts: DeadLetterParts): Router {
  const router = express.Router();

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
    if (!mayReplay(parts.csrf, request, response)) return;
    const { operator, token } = sessionOf(response);
    const ids = list(formOf(request).id);
    const letters = ids.length === 0 ? [] : await parts.deadLetters.byIds(ids);
    const replays = await parts.audit.replayCounts(letters.map((letter) => letter.id));
    const csrf = parts.csrf.of(token);
    send(response, 200, confirmReplayPage(operator.subject, csrf, letters.map(viewOf), replays));
  });

  router.post('/fehlerablage/einspielen', async (request, response) => {
    if (!mayReplay(parts.csrf, request, response)) return;
    const { operator } = sessionOf(response);
    const outcomes = await parts.replayer.replay(list(formOf(request).id), operator.subject);
    send(response, 200, replayedPage(operator.subject, outcomes));
  });

  return router;
}
