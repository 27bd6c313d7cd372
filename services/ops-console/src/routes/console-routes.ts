import express, { type Router } from 'express';
import { authRoutes, type AuthParts } from './auth.routes.js';
import { deadLetterRoutes, type DeadLetterParts } from './dead-letter.routes.js';
import { overviewRoutes, type OverviewParts } from './overview.routes.js';

export type ConsoleParts = AuthParts & DeadLetterParts & OverviewParts;

/** The console's pages; every one but the login needs an operator token with `ops:read`. */
export function consoleRoutes(parts: ConsoleParts): Router {
  return express.Router().use(authRoutes(parts), overviewRoutes(parts), deadLetterRoutes(parts));
}
