import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sign, signatureHeaders } from '@hub/webhooks';

export interface StatusChange {
  readonly serviceRequestId: string;
  readonly status: 'open' | 'closed';
  readonly statusNotes: string | null;
}

/**
 * Tells the hub about a status change the way an office procedure would: signed, with a change
 * id that stays the same across retries, retried with exponential backoff on network errors and
 * 408/429/5xx until `attempts` are spent.
 */
export async function sendStatusChange(
  callbackUrl: string,
  secret: string,
  change: StatusChange,
  options: { attempts: number; initialDelayMs: number },
): Promise<{ delivered: boolean; attempts: number; lastStatus: number | null }> {
  const body = JSON.stringify({
    ...change,
    changeId: randomUUID(),
    changedAt: new Date().toISOString(),
  });
  let lastStatus: number | null = null;
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [signatureHeaders.timestamp]: String(timestamp),
          [signatureHeaders.signature]: sign(secret, body, timestamp),
        },
        body,
        signal: AbortSignal.timeout(5000),
      });
      lastStatus = response.status;
      if (response.ok) return { delivered: true, attempts: attempt, lastStatus };
      const retryable =
        response.status === 408 || response.status === 429 || response.status >= 500;
      if (!retryable) return { delivered: false, attempts: attempt, lastStatus };
    } catch {
      lastStatus = null;
    }
    if (attempt < options.attempts) await sleep(options.initialDelayMs * 2 ** (attempt - 1));
  }
  return { delivered: false, attempts: options.attempts, lastStatus };
}
