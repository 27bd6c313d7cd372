import type { z } from 'zod';
import { HubError } from '@hub/errors';

/** One reason a request was refused, with the JSON path of the offending field (RFC 6901 style). */
export interface FieldError {
  readonly path: string;
  /** In English. */
  readonly reason: string;
  /** The same in German, for refusals a citizen may see (what the door refuses since issue 10). */
  readonly reasonDe?: string;
}

/** An RFC 9457 problem document; the only error shape the gateway answers with. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
}

/** A refusal carrying its problem document; thrown or returned, it is answered as it is. */
export class ProblemResponse extends HubError {
  override readonly name = 'ProblemResponse';
  constructor(readonly problem: Problem) {
    super(`HTTP_${problem.status}`, `${problem.title}: ${problem.detail}`, { retryable: false });
  }
}

export function problem(
  status: number,
  title: string,
  detail: string,
  errors?: readonly FieldError[],
): ProblemResponse {
  return new ProblemResponse({
    type: `https://hub.example/problems/${title.toLowerCase().replaceAll(' ', '-')}`,
    title,
    status,
    detail,
    ...(errors ? { errors } : {}),
  });
}

/** `/applicant/address/postalCode` for zod's ['applicant', 'address', 'postalCode']. */
function pointer(path: readonly PropertyKey[]): string {
  return `/${path.map(String).join('/')}`;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { path: pointer(issue.path), reason: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return { path: pointer(issue.path), reason: missing ? 'is required' : issue.message };
  });
}
