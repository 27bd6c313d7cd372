import type { Request, Response } from 'express';
import type { Operator } from '../auth/operator-tokens.js';
import type { SafeHtml } from '../html/html.js';

/** Who is signed in, set by the operator check in auth.routes.ts for every page behind it. */
export interface Session {
  readonly operator: Operator;
  readonly token: string;
}

export function sessionOf(response: Response): Session {
  return response.locals.session as Session;
}

export function send(response: Response, status: number, body: SafeHtml): void {
  response.status(status).type('html').send(body.text);
}

/** A query or form value as trimmed text; empty counts as absent. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function minutes(value: unknown): number | undefined {
  const given = text(value);
  const parsed = Number(given);
  return given !== undefined && Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/** Form fields that may repeat (`id=a&id=b`) as a list of strings. */
export function list(value: unknown): string[] {
  return [value].flat().filter((item): item is string => typeof item === 'string');
}

export function formOf(request: Request): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}
