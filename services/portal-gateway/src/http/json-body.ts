import express, { type NextFunction, type Request, type Response } from 'express';
import { problem, type ProblemResponse } from './problem.js';
import { send } from './problem.filter.js';

/** Parses JSON bodies up to `limit` bytes and keeps the raw bytes for idempotency fingerprints. */
export function jsonBody(limit: number) {
  return express.json({
    limit,
    verify(request, _response, raw) {
      (request as Request & { rawBody?: Buffer }).rawBody = raw;
    },
  });
}

/** body-parser's errors carry a `type`; these are the caller's mistakes, never a 500. */
function bodyParserProblem(error: unknown): ProblemResponse | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large')
    return problem(413, 'Payload Too Large', 'The request body exceeds the size limit.');
  if (type === 'entity.parse.failed')
    return problem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return problem(415, 'Unsupported Media Type', 'Send the body as UTF-8 JSON.');
  }
  return undefined;
}

/** Answers body-parser's errors right where they arise, before Nest would turn them into bare 400s. */
export function bodyErrorsAsProblems(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  const answer = bodyParserProblem(error);
  if (answer) send(response, answer);
  else next(error);
}
