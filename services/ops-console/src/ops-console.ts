import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { HubError } from '@hub/errors';
import { bootstrapHubService, type BusinessHttp, type KitLogger } from '@hub/kit';
import type { OpsConsoleConfig } from './config.js';
import { html } from './html/html.js';
import { page } from './html/layout.js';
import { CONSOLE_ROUTES, OpsConsoleModule } from './ops-console.module.js';

export interface RunningOpsConsole {
  readonly url: string;
  readonly opsPort: number;
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

/**
 * The pages on HTTP_PORT: server-rendered HTML from the express router of the console's routes
 * (forms, cookies, CSRF), mounted on the Nest application's express instance.
 */
export function consoleHttp(config: OpsConsoleConfig, logger: KitLogger): BusinessHttp {
  return {
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    bodyParser: false,
    configure(app) {
      app.disable('x-powered-by');
      app.use(securityHeaders, express.urlencoded({ extended: false, limit: '64kb' }));
      app.use(app.get<Router>(CONSOLE_ROUTES));
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
    },
  };
}

/** Starts the console in the one service shape (tests use this; main.ts runs the same). */
export async function startOpsConsole(
  config: OpsConsoleConfig,
  options: { logger: KitLogger },
): Promise<RunningOpsConsole> {
  const service = await bootstrapHubService(OpsConsoleModule, {
    config,
    logger: options.logger,
    http: consoleHttp(config, options.logger),
  });
  return { url: service.url ?? '', opsPort: service.opsPort, stop: () => service.stop() };
}
