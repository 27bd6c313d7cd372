import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type pg from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { HubError } from '@hub/errors';
import { signDecision, type Decision, type Submission } from '@hub/fit-connect';
import { Lease, type KitLogger } from '@hub/kit';
import type { RoutingTable } from '@hub/routing';
import type { SubmissionApi } from '../api/submission-api.js';
import type { DestinationKeys } from '../keys/destination-keys.js';
import type { IntakeMetrics } from './intake-metrics.js';
import { openSubmission } from './open-submission.js';
import type { SubmissionLedger } from './submission-ledger.js';
import type { SubmissionSchemas } from './submission-schemas.js';
import { toAcceptedSubmission } from './to-accepted-submission.js';
import type { ApplicationPublisher } from './application-publisher.js';

/** Namespace of application ids derived from FIT-Connect submission ids (UUIDv5). */
const applicationIdNamespace = 'a3d4c1e2-7b8f-4e60-9d1a-2c5b7e9f0a13';

/** The hub's application id for a submission: the same however often the submission arrives. */
export function applicationIdOf(destinationId: string, submissionId: string): string {
  return uuidv5(`fit-connect\n${destinationId}\n${submissionId}`, applicationIdNamespace);
}

const tracer = trace.getTracer('fit-connect-receiver');

export interface IntakeDependencies {
  readonly destinationId: string;
  readonly api: SubmissionApi;
  readonly keys: DestinationKeys;
  readonly schemas: SubmissionSchemas;
  readonly routing: RoutingTable;
  readonly ledger: SubmissionLedger;
  readonly publisher: ApplicationPublisher;
  readonly pool: pg.Pool;
  readonly metrics: IntakeMetrics;
  readonly logger: KitLogger;
}

export type IntakeOutcome = 'accepted' | 'rejected' | 'decided-before' | 'busy' | 'gone';

/**
 * Takes one submission from FIT-Connect to a decision: fetch, decrypt, check, publish the
 * application, accept — or reject with the reason. One instance at a time per submission (a
 * PostgreSQL advisory lock), and the ledger remembers every step, so callbacks, polls and
 * restarts in any order give one application and one decision.
 */
export class SubmissionIntake {
  constructor(private readonly deps: IntakeDependencies) {}

  async take(submissionId: string): Promise<IntakeOutcome> {
    const lease = new Lease(this.deps.pool, `fit-connect-receiver.submission.${submissionId}`);
    const round = await lease.runExclusive(() =>
      tracer.startActiveSpan(
        'receive FIT-Connect submission',
        { kind: SpanKind.CONSUMER, root: true, attributes: { 'messaging.system': 'fit-connect' } },
        async (span) => {
          try {
            const outcome = await this.decide(submissionId, (applicationId) =>
              span.setAttribute('hub.application_id', applicationId),
            );
            span.setAttribute('hub.fit_connect.outcome', outcome);
            return outcome;
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
    );
    return round.ran ? round.result : 'busy';
  }

  private async decide(
    submissionId: string,
    named: (applicationId: string) => void,
  ): Promise<IntakeOutcome> {
    const { api, ledger, destinationId } = this.deps;
    const known = await ledger.entry(submissionId);
    if (known && ['accepted', 'rejected', 'gone'].includes(known.state)) return 'decided-before';
    let submission: Submission;
    try {
      submission = await api.submission(submissionId);
    } catch (error) {
      if (!(error instanceof HubError) || error.code !== 'HTTP_404') throw error;
      // Deleted by the platform (the 14 days are over) or decided by another destination client.
      if (known) await ledger.decided(submissionId, 'gone');
      this.deps.logger.warn({ submissionId }, 'submission no longer available at FIT-Connect');
      return 'gone';
    }
    if (submission.destinationId !== destinationId) {
      throw new HubError('FIT_CONNECT_FOREIGN_SUBMISSION', 'submission of another destination', {
        retryable: false,
      });
    }
    await ledger.seen(submissionId, submission.caseId);
    const applicationId = applicationIdOf(destinationId, submissionId);
    named(applicationId);
    if (known?.state !== 'published') {
      const verdict = await this.publishOrRefuse(submission, applicationId);
      if (verdict.kind === 'reject') {
        await this.send(submission, verdict);
        await ledger.decided(submissionId, 'rejected', verdict.problems[0]?.type);
        this.deps.metrics.decided('rejected', verdict.problems[0]?.type);
        return 'rejected';
      }
    }
    await this.send(submission, { kind: 'accept' });
    await ledger.decided(submissionId, 'accepted');
    this.deps.metrics.decided('accepted');
    return 'accepted';
  }

  /** Publishes the application, or says why the submission cannot be taken. */
  private async publishOrRefuse(
    submission: Submission,
    applicationId: string,
  ): Promise<{ kind: 'accept' } | Extract<Decision, { kind: 'reject' }>> {
    const { api, keys, schemas, routing, ledger, publisher } = this.deps;
    const encryptedAttachments = new Map<string, string>();
    for (const attachmentId of submission.attachments) {
      encryptedAttachments.set(
        attachmentId,
        await api.attachment(submission.submissionId, attachmentId),
      );
    }
    const opened = await openSubmission(submission, encryptedAttachments, keys.decryption, schemas);
    if (!opened.ok) return { kind: 'reject', problems: opened.problems };
    const accepted = toAcceptedSubmission(submission, opened, routing);
    if (!accepted.ok) return { kind: 'reject', problems: accepted.problems };
    await publisher.publish(accepted.submission, accepted.route, {
      applicationId,
      submittedAt: new Date(),
    });
    await ledger.published(submission.submissionId, applicationId, opened.attachments);
    return { kind: 'accept' };
  }

  private async send(submission: Submission, decision: Decision): Promise<void> {
    const token = await signDecision(
      this.deps.keys.signing,
      {
        destinationId: this.deps.destinationId,
        submissionId: submission.submissionId,
        caseId: submission.caseId,
      },
      decision,
    );
    // 'decided' (409): a decision sent before a crash already reached the platform.
    await this.deps.api.postEvent(submission.caseId, token);
  }
}
