import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { Route, RoutingTable } from '@hub/routing';
import { fieldErrors, problem, type FieldError, type ProblemResponse } from '../http/problem.js';
import {
  submitApplicationRequest,
  type SubmitApplicationRequest,
} from '../http/submit-application.request.js';
import type { Caller } from '../auth/token-verifier.js';
import {
  bodyFingerprint,
  type IdempotencyStore,
  type StoredResponse,
} from '../idempotency/idempotency-store.js';
import type { ApplicationRegistry } from './application-registry.js';

/** Publishes the submitted application to `portal.application-submitted.v1`; resolves once acks=all. */
export interface SubmittedApplicationPublisher {
  publish(
    application: SubmitApplicationRequest & { applicationId: string; submittedAt: Date },
    traceparent: string | undefined,
  ): Promise<void>;
}

export interface SubmitApplicationInput {
  readonly caller: Caller;
  readonly contentType: string | undefined;
  readonly rawBody: Buffer | undefined;
  readonly body: unknown;
  readonly idempotencyKey: string | undefined;
  readonly traceparent: string | undefined;
}

/** Namespace of application ids derived from a portal client's idempotency key (UUIDv5). */
const applicationIdNamespace = '6f1c2a4e-5b0d-4c8e-9a57-3d2f1e0b7c64';

/**
 * POST /v1/applications: validate, check the route exists, publish once per idempotency key, and
 * answer 202 only after Kafka acknowledged the event. Every refusal is a problem document.
 */
export class SubmitApplication {
  constructor(
    private readonly routing: RoutingTable,
    private readonly idempotency: IdempotencyStore,
    private readonly applications: ApplicationRegistry,
    private readonly publisher: SubmittedApplicationPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(input: SubmitApplicationInput): Promise<StoredResponse | ProblemResponse> {
    if (!/^application\/json(;|$)/i.test(input.contentType ?? '')) {
      return problem(415, 'Unsupported Media Type', 'Send the application as application/json.');
    }
    const parsed = submitApplicationRequest.safeParse(input.body);
    if (!parsed.success)
      return problem(
        400,
        'Invalid Application',
        'The application has invalid fields.',
        fieldErrors(parsed.error),
      );
    const application = parsed.data;
    if (
      input.caller.citizenAccount !== undefined &&
      input.caller.citizenAccount !== application.citizenAccountRef
    ) {
      return problem(
        403,
        'Forbidden',
        'A citizen may only submit applications for their own account.',
      );
    }
    const route = this.routing.find(application.serviceKey, application.municipalityKey);
    if (!route) {
      return problem(
        422,
        'Unknown Service',
        `No procedure handles service key ${application.serviceKey} in municipality ${application.municipalityKey}.`,
        [{ path: '/serviceKey', reason: 'is not offered in this municipality' }],
      );
    }
    const gaps = procedureGaps(application, route);
    if (gaps.length > 0) {
      return problem(
        422,
        'Incomplete Application',
        'The responsible procedure cannot accept the application as it is.',
        gaps,
      );
    }
    const key = input.idempotencyKey;
    if (key === undefined) return this.publish(application, randomUUID(), input.traceparent);
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
      return problem(
        400,
        'Invalid Idempotency Key',
        'Idempotency-Key must be 1 to 200 visible ASCII characters.',
      );
    }

    const claim = await this.idempotency.claim(
      input.caller.clientId,
      key,
      bodyFingerprint(input.rawBody ?? Buffer.alloc(0)),
    );
    switch (claim.outcome) {
      case 'replay':
        return claim.response;
      case 'conflict':
        return problem(
          409,
          'Idempotency Key Reused',
          'This Idempotency-Key was already used with a different request body.',
        );
      case 'in-progress':
        return problem(
          409,
          'Request In Progress',
          'A request with this Idempotency-Key is still being processed; retry shortly.',
        );
      case 'claimed':
        break;
    }
    try {
      const applicationId =
        application.applicationId ??
        uuidv5(`${input.caller.clientId}\n${key}`, applicationIdNamespace);
      const response = await this.publish(application, applicationId, input.traceparent);
      await this.idempotency.complete(input.caller.clientId, key, response);
      return response;
    } catch (error) {
      await this.idempotency.release(input.caller.clientId, key);
      throw error;
    }
  }

  private async publish(
    application: SubmitApplicationRequest,
    applicationId: string,
    traceparent: string | undefined,
  ): Promise<StoredResponse> {
    const submittedAt = this.now();
    await this.applications.recordSubmission(
      applicationId,
      application.citizenAccountRef,
      submittedAt,
    );
    await this.publisher.publish({ ...application, applicationId, submittedAt }, traceparent);
    return {
      status: 202,
      body: {
        applicationId,
        state: 'SUBMITTED',
        statusUrl: `/v1/applications/${applicationId}`,
        submittedAt: submittedAt.toISOString(),
      },
    };
  }
}

/**
 * What the procedure behind the route needs beyond the contract (e.g. XBau 0200 requires the
 * parcel and accepts only some attachment types): refused here, rather than stuck later.
 */
function procedureGaps(application: SubmitApplicationRequest, route: Route): FieldError[] {
  const answered = new Set(
    application.formFields
      .filter((field) => field.value !== null && field.value !== '')
      .map((field) => field.key),
  );
  const missing = route.requiredFormFields
    .filter((key) => !answered.has(key))
    .map((key) => ({ path: '/formFields', reason: `needs an answer for ${key}` }));
  const accepted = route.attachmentMediaTypes;
  const unsupported = application.attachments.flatMap((attachment, index) =>
    accepted.length === 0 || accepted.includes(attachment.mediaType)
      ? []
      : [
          {
            path: `/attachments/${index}/mediaType`,
            reason: `is not accepted by the procedure (accepted: ${accepted.join(', ')})`,
          },
        ],
  );
  return [...missing, ...unsupported];
}
