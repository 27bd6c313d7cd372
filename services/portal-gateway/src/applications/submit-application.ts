import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { RoutingTable } from '@hub/routing';
import { doorRefusals, type DoorRules } from '../door/door-refusals.js';
import { normaliseTexts } from '../door/normalise-texts.js';
import { fieldErrors, problem, ProblemResponse } from '../http/problem.js';
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
import {
  applicationIdReused,
  clientApplicationIdKey,
  idempotencyKeyReused,
} from './reuse-conflicts.js';

/** Publishes the submitted application to `topics.applicationSubmitted`; resolves once acks=all. */
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
  /** True once the client has hung up; then nothing is stored or published for it. */
  readonly abandoned?: () => boolean;
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
    private readonly door: DoorRules,
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
    const application = normaliseTexts(parsed.data);
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
    const refusals = doorRefusals(application, route, this.door);
    if (refusals.length > 0) {
      return problem(
        422,
        'Unprocessable Application',
        'The responsible procedure cannot accept the application as it is.',
        refusals,
      );
    }
    // The event carries the fee of the route, never the caller's.
    const accepted = { ...application, fee: route.fee ?? undefined };
    const key = input.idempotencyKey;
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
      return problem(
        400,
        'Invalid Idempotency Key',
        'Idempotency-Key must be 1 to 200 visible ASCII characters.',
      );
    }
    const claims = [
      ...(key === undefined ? [] : [{ key, reused: idempotencyKeyReused }]),
      ...(application.applicationId === undefined
        ? []
        : [
            { key: clientApplicationIdKey(application.applicationId), reused: applicationIdReused },
          ]),
    ];
    if (input.abandoned?.()) return clientAbandoned();
    if (claims.length === 0) return this.publish(accepted, randomUUID(), input);
    return this.publishOnce(accepted, claims, input);
  }

  /**
   * Publishes at most once per claimed key (Idempotency-Key, the portal's own application id):
   * the same key with the same body is answered as the first time, with another body (another
   * citizen, another application) it is a conflict. The hub's id derives from client, key and
   * body, so a retry after a failure gets the same id and nobody can choose one.
   */
  private async publishOnce(
    application: SubmitApplicationRequest,
    claims: readonly { key: string; reused: () => ProblemResponse }[],
    input: SubmitApplicationInput,
  ): Promise<StoredResponse | ProblemResponse> {
    const clientId = input.caller.clientId;
    const fingerprint = bodyFingerprint(input.rawBody ?? Buffer.alloc(0));
    const claimed: string[] = [];
    const releaseAll = () =>
      Promise.all(claimed.map((key) => this.idempotency.release(clientId, key)));
    for (const { key, reused } of claims) {
      const claim = await this.idempotency.claim(clientId, key, fingerprint);
      if (claim.outcome === 'claimed') {
        claimed.push(key);
        continue;
      }
      await releaseAll();
      if (claim.outcome === 'replay') return claim.response;
      if (claim.outcome === 'conflict') return reused();
      return problem(
        409,
        'Request In Progress',
        'A request with this Idempotency-Key or application id is still being processed; retry shortly.',
      );
    }
    try {
      const applicationId = uuidv5(
        `${clientId}\n${claimed.join('\n')}\n${fingerprint}`,
        applicationIdNamespace,
      );
      const response = await this.publish(application, applicationId, input);
      if (response instanceof ProblemResponse) {
        await releaseAll();
        return response;
      }
      await Promise.all(claimed.map((key) => this.idempotency.complete(clientId, key, response)));
      return response;
    } catch (error) {
      await releaseAll();
      throw error;
    }
  }

  private async publish(
    application: SubmitApplicationRequest,
    applicationId: string,
    { traceparent, abandoned }: SubmitApplicationInput,
  ): Promise<StoredResponse | ProblemResponse> {
    // A client that gave up (its timeout, a reset) would never see the 202: under overload such
    // work only lengthens the queue, and its retry is answered by the idempotency key anyway.
    if (abandoned?.()) return clientAbandoned();
    const submittedAt = this.now();
    await this.applications.recordSubmission(
      applicationId,
      application.citizenAccountRef,
      submittedAt,
    );
    // Never publish under an id another citizen owns, however it came about.
    if ((await this.applications.ownerOf(applicationId)) !== application.citizenAccountRef)
      return applicationIdReused();
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

function clientAbandoned(): ProblemResponse {
  return problem(
    499,
    'Client Closed Request',
    'The client hung up before the application was accepted; nothing was stored or published.',
  );
}
