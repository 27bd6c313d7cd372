import { problem } from '../http/problem.js';

/** A portal's own application id, claimed like an Idempotency-Key (a space no header key has). */
export const clientApplicationIdKey = (applicationId: string) => `applicationId ${applicationId}`;

export const idempotencyKeyReused = () =>
  problem(
    409,
    'Idempotency Key Reused',
    'This Idempotency-Key was already used with a different request body.',
  );
export const applicationIdReused = () =>
  problem(
    409,
    'Application Id Reused',
    'This applicationId was already used for another application or citizen; the hub assigns the id (see the response).',
    [
      {
        path: '/applicationId',
        reason: 'was already used for another application or citizen',
        reasonDe: 'wurde bereits für einen anderen Antrag oder eine andere Person verwendet',
      },
    ],
  );
