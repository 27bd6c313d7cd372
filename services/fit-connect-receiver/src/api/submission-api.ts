import { HubError } from '@hub/errors';
import { submission, submissionsForPickup, type Submission } from '@hub/fit-connect';
import { classifyHttpStatus, classifyNetworkError, inClientSpan } from '@hub/kit';
import type { z } from 'zod';
import type { AccessToken } from './access-token.js';

type Method = 'GET' | 'POST';

/**
 * The destination's side of the FIT-Connect Submission API: list submissions ready for pickup,
 * fetch one with its attachments, post the accept or reject event. Transport failures are
 * classified here (5xx, 408, 429, network: retryable; other 4xx: not).
 */
export class SubmissionApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: AccessToken,
    private readonly timeoutMs: number,
  ) {}

  async pending(destinationId: string, offset: number, limit: number) {
    const query = new URLSearchParams({
      destinationId,
      offset: String(offset),
      limit: String(limit),
    });
    return this.json(
      'GET /v1/submissions',
      `/v1/submissions?${query.toString()}`,
      submissionsForPickup,
    );
  }

  async submission(submissionId: string): Promise<Submission> {
    return this.json('GET /v1/submissions/{id}', `/v1/submissions/${submissionId}`, submission);
  }

  async attachment(submissionId: string, attachmentId: string): Promise<string> {
    const response = await this.call(
      'GET /v1/submissions/{id}/attachments/{id}',
      'GET',
      `/v1/submissions/${submissionId}/attachments/${attachmentId}`,
    );
    return (await response.text()).trim();
  }

  /** Posts a signed SET to the case's event log; a 409 means the case is decided already. */
  async postEvent(caseId: string, securityEventToken: string): Promise<'posted' | 'decided'> {
    try {
      await this.call('POST /v1/cases/{id}/events', 'POST', `/v1/cases/${caseId}/events`, {
        contentType: 'application/jose',
        body: securityEventToken,
      });
      return 'posted';
    } catch (error) {
      if (error instanceof HubError && error.code === 'HTTP_409') return 'decided';
      throw error;
    }
  }

  private async json<T>(operation: string, path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await this.call(operation, 'GET', path);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new HubError(
        'FIT_CONNECT_ANSWER_INVALID',
        `${operation} answered an unexpected shape`,
        {
          retryable: true,
        },
      );
    return parsed.data;
  }

  private async call(
    operation: string,
    method: Method,
    path: string,
    send?: { contentType: string; body: string },
  ): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const target = 'FIT-Connect Submission API';
    const attempt = () =>
      inClientSpan({ operation, url, method, protocol: 'http' }, async (traceHeaders) => {
        let response: Response;
        try {
          response = await fetch(url, {
            method,
            headers: {
              ...traceHeaders,
              authorization: `Bearer ${await this.token.bearer()}`,
              ...(send ? { 'content-type': send.contentType } : {}),
            },
            body: send?.body,
            signal: AbortSignal.timeout(this.timeoutMs),
          });
        } catch (error) {
          throw classifyNetworkError(error, target);
        }
        if (!response.ok) throw classifyHttpStatus(response.status, target, await response.text());
        return response;
      });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof HubError) || error.code !== 'HTTP_401') throw error;
      // A revoked or rotated token: one more try with a fresh one.
      this.token.forget();
      return attempt();
    }
  }
}
