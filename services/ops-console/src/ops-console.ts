import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HubError } from '@hub/errors';
import {
  connectServiceClients,
  createLogger,
  migrate,
  startOpsServer,
  type KitLogger,
} from '@hub/kit';
import { OperatorTokens } from './auth/operator-tokens.js';
import { CsrfTokens } from './auth/session.js';
import { healthTargetsOf, type OpsConsoleConfig } from './config.js';
import { DeadLetterSource } from './dead-letters/dead-letter-source.js';
import { html } from './html/html.js';
import { page } from './html/layout.js';
import { DeadLetterReplayer } from './replay/replay-dead-letters.js';
import { ReplayAudit } from './replay/replay-audit.js';
import { consoleRoutes } from './routes/console-routes.js';
import { opsConsoleMigrations } from './migrations.js';
import { CaseHistory } from './sources/case-history.js';
import { CitizenTimeline } from './sources/citizen-timeline.js';
import { ZipkinTraces } from './sources/zipkin-traces.js';

export interface RunningOpsConsole {
  readonly url: string;
  stop(): Promise<void>;
}

/** Pages may show only what they build themselves: no scripts, no frames, forms to itself only. */
function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.set({
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  next();
}

/** Wires the console: database, Kafka and registry clients, the pages, and its ops endpoints. */
export async function startOpsConsole(
  config: OpsConsoleConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningOpsConsole> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const clients = await connectServiceClients(config);
  await migrate(clients.pool, [opsConsoleMigrations]);
  const audit = new ReplayAudit(clients.pool);
  const deadLetters = new DeadLetterSource(clients.kafka);
  const replayer = new DeadLetterReplayer(clients.kafka, deadLetters, audit);
  const admin = clients.kafka.admin();
  await Promise.all([replayer.connect(), admin.connect()]);

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders, express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(
    consoleRoutes({
      tokens: new OperatorTokens({
        jwksFile: config.JWKS_FILE,
        jwksUrl: config.JWKS_URL,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      }),
      csrf: new CsrfTokens(randomBytes(32)),
      cookieSecure: config.COOKIE_SECURE,
      cases: new CaseHistory(clients.pool),
      citizen: new CitizenTimeline(clients.pool),
      zipkin: new ZipkinTraces(config.ZIPKIN_URL),
      deadLetters,
      replayer,
      audit,
      registry: clients.registry,
      admin,
      healthTargets: healthTargetsOf(config.HEALTH_TARGETS_JSON) ?? {},
      stuckAfterMinutes: config.STUCK_AFTER_MINUTES,
    }),
  );
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    logger.error({ err: error }, 'page failed');
    const code = error instanceof HubError ? error.code : 'INTERNAL';
    const body = html`<p class="fail">
      Die Seite konnte nicht erstellt werden (Fehlercode ${code}).
    </p>`;
    response.status(500).type('html').send(page('Fehler', body).text);
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(config.PORT, config.HOST, () => {
      resolve(listening);
    });
  });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const ops = await startOpsServer({
    port: config.HTTP_PORT,
    metrics,
    readiness: clients.readiness,
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.HOST}:${port}`,
    async stop() {
      ops.server.close();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await Promise.all([replayer.disconnect(), admin.disconnect()]);
      await clients.close();
    },
  };
}
