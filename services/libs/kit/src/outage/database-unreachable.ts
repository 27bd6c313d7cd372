/**
 * Whether an error says the database cannot be reached right now (refused, cut off, restarting),
 * as opposed to refusing the statement on its merits. Such a failure is an outage of the
 * database, waited out on its circuit like an outbound endpoint's, never a reason to dead-letter.
 */
export const DATABASE_ENDPOINT = 'database';

/** Socket errors of node, as the pg driver passes them on. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE: class 08 (connection exception), 57P01 admin_shutdown (fast restart), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down).
 */
const sqlStates = /^(08\w{3}|57P0[123])$/;

/** The pg driver's own errors for a connection lost or never made, which carry no code. */
const driverMessages = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (socketCodes.has(code) || sqlStates.test(code))) return true;
  if (driverMessages.some((message) => error.message.startsWith(message))) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))
  )
    return true;
  return isDatabaseUnreachable(error.cause, depth + 1);
}
