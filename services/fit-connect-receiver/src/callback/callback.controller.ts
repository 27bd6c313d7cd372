import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { callbackBody, callbackHeaders, verifyCallback } from '@hub/fit-connect';
import { KIT_CONFIG } from '@hub/kit';
import type { FitConnectReceiverConfig } from '../config.js';
import { IntakeMetrics } from '../intake/intake-metrics.js';
import { SubmissionLedger } from '../intake/submission-ledger.js';
import { SubmissionQueue } from '../intake/submission-queue.js';

type RawBodyRequest = Request & { rawBody?: Buffer };

const refusals = {
  missing: 'callback-authentication and callback-timestamp are required',
  stale: 'callback-timestamp is more than five minutes away from now',
  'wrong-signature': 'callback-authentication does not match',
  replayed: 'this callback was received before',
} as const;

/**
 * `POST /callbacks/fit-connect`: FIT-Connect announces new submissions. The signature is checked
 * over the raw bytes, each signature is taken once, and the ids are queued: the answer is 200 at
 * once, the work happens afterwards (and the poll catches whatever a lost callback would miss).
 */
@Controller('callbacks')
export class CallbackController {
  constructor(
    @Inject(KIT_CONFIG) private readonly config: FitConnectReceiverConfig,
    @Inject(SubmissionLedger) private readonly ledger: SubmissionLedger,
    @Inject(SubmissionQueue) private readonly queue: SubmissionQueue,
    @Inject(IntakeMetrics) private readonly metrics: IntakeMetrics,
  ) {}

  @Post('fit-connect')
  async receive(@Req() request: RawBodyRequest, @Res() response: Response): Promise<void> {
    const authentication = request.header(callbackHeaders.authentication);
    const verdict = verifyCallback(
      this.config.CALLBACK_SECRET,
      request.rawBody?.toString('utf8') ?? '',
      { authentication, timestamp: request.header(callbackHeaders.timestamp) },
      Math.floor(Date.now() / 1000),
    );
    if (verdict !== 'valid' || authentication === undefined) {
      this.refuse(response, 401, verdict, refusals[verdict === 'valid' ? 'missing' : verdict]);
      return;
    }
    if (!(await this.ledger.firstUseOf(authentication.toLowerCase()))) {
      this.refuse(response, 401, 'replayed', refusals.replayed);
      return;
    }
    const body = callbackBody.safeParse(request.body);
    if (!body.success) {
      const errors = body.error.issues.map((issue) => ({
        path: `/${issue.path.map(String).join('/')}`,
        reason: issue.message,
      }));
      this.refuse(response, 400, 'malformed', 'the callback body is invalid', errors);
      return;
    }
    this.metrics.callbacks.inc({ verdict: 'valid' });
    this.queue.enqueue(body.data.submissionIds);
    response.status(200).json({ received: body.data.submissionIds.length });
  }

  private refuse(
    response: Response,
    status: number,
    verdict: string,
    detail: string,
    errors?: readonly { path: string; reason: string }[],
  ): void {
    this.metrics.callbacks.inc({ verdict });
    response
      .status(status)
      .type('application/problem+json')
      .json({ status, title: status === 401 ? 'Unauthorized' : 'Bad Request', detail, errors });
  }
}
