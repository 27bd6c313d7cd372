import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, type ApplicationSubmitted } from '@hub/contracts';
import { eventTypes, problemTypes } from '@hub/fit-connect';
import {
  eventually,
  metricsText,
  pickupPeriodMs,
  platform,
  type Tampering,
} from '@hub/test-support';
import { decodeJwt } from 'jose';
import { applicationIdOf } from '../src/intake/submission-intake.js';
import { bauantrag } from './fixtures.js';
import { startReceiverWithApplications, type ReceiverUnderTest } from './receiver-under-test.js';

let harness: Awaited<ReturnType<typeof startReceiverWithApplications>>;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  // Every undecided submission counts as near the limit at once: the gauge is testable in-run.
  harness = await startReceiverWithApplications({ DEADLINE_WARNING_AFTER_MS: '1' });
  ({ receiver } = harness);
});
afterAll(() => harness.stop());

const recordsOf = (submissionId: string) => harness.publishedFor([submissionId]);

/** Waits for the submission's application on the topic; exactly one must be there. */
async function publishedOnce(submissionId: string): Promise<void> {
  await eventually(() => (recordsOf(submissionId).length > 0 ? true : undefined), {
    timeoutMs: 30_000,
    what: 'the application on portal.application-submitted',
  });
  expect(recordsOf(submissionId)).toHaveLength(1);
}

/** The decision the receiver posted to the case's event log, decoded (the simulator verified it). */
function decisionOf(submissionId: string) {
  const events = receiver.simulator.admin.submission(submissionId)?.events ?? [];
  return events.map(
    (token) => decodeJwt(token).events as Record<string, { problems?: { type: string }[] }>,
  );
}

describe('the receiver takes FIT-Connect submissions', () => {
  it('accepts a valid submission and publishes exactly one application with channel FIT_CONNECT', async () => {
    receiver.simulator.admin.setFaults({ callback: 'duplicate' });
    const { submissionId } = await receiver.send();
    await receiver.settled();
    await receiver.poll();

    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('accepted');
    expect(decisionOf(submissionId)).toEqual([{ [eventTypes.acceptSubmission]: {} }]);
    await publishedOnce(submissionId);
    const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
    const { value } = await serde.decode<ApplicationSubmitted>(
      recordsOf(submissionId)[0]?.value ?? Buffer.alloc(0),
      schemaType('portal/application-submitted'),
    );
    expect(value).toMatchObject({
      applicationId: applicationIdOf(receiver.destinationId, submissionId),
      channel: 'FIT_CONNECT',
      externalReference: submissionId,
      serviceKey: '99010003001000',
      municipalityKey: '05913000',
      citizenAccountRef: 'bundid-postbox-7f3a9c21',
      fee: { amount: '250.00', currency: 'EUR' },
    });
    expect(value.attachments[0]).toMatchObject({
      fileName: 'lageplan.png',
      mediaType: 'image/png',
    });
    expect(value.formFields).toContainEqual({ key: 'bauvorhaben.massnahme', value: '10' });
    // A second poll or a late callback changes nothing: still one application.
    receiver.simulator.admin.callback(receiver.destinationId, [submissionId]);
    await receiver.settled();
    expect(recordsOf(submissionId)).toHaveLength(1);
  });

  it('finds a submission whose callback was lost by polling', async () => {
    receiver.simulator.admin.setFaults({ callback: 'lose' });
    const { submissionId } = await receiver.send();
    await receiver.settled();
    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('submitted');
    await receiver.poll();
    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('accepted');
    await publishedOnce(submissionId);
  });

  it.each<[Tampering | 'schema', string, Record<string, unknown>]>([
    ['wrong-key', problemTypes.decryptionIssue, {}],
    ['ciphertext', problemTypes.decryptionIssue, {}],
    ['data-hash', problemTypes.hashMismatch, {}],
    ['attachment-hash', problemTypes.hashMismatch, {}],
    [
      'schema',
      problemTypes.schemaViolation,
      { data: bauantrag({ gemeindeschluessel: 'Dortmund' }) },
    ],
  ])(
    'rejects a submission spoilt by %s with the reason, and publishes nothing',
    async (spoil, reason, extra) => {
      receiver.simulator.admin.setFaults({ callback: 'deliver' });
      const { submissionId } = await receiver.send({
        ...(spoil === 'schema' ? {} : { tamper: spoil }),
        ...extra,
      });
      await receiver.settled();
      expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('rejected');
      const [decision] = decisionOf(submissionId);
      expect(decision?.[eventTypes.rejectSubmission]?.problems?.[0]?.type).toBe(reason);
      // Give any stray record time to arrive: the accepted one above did within this window.
      await receiver.poll();
      expect(recordsOf(submissionId)).toHaveLength(0);
    },
  );

  it('counts an undecided submission as nearing the 14-day limit until it is decided', async () => {
    receiver.simulator.admin.setFaults({ callback: 'lose', fetchUnavailable: true });
    const { submissionId } = await receiver.send();
    await receiver.poll();
    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('submitted');
    expect(await metricsText(receiver.service.opsPort)).toMatch(
      /^hub_fit_connect_submissions_nearing_deadline 1$/m,
    );
    receiver.simulator.admin.setFaults({ fetchUnavailable: false });
    await receiver.poll();
    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('accepted');
    expect(await metricsText(receiver.service.opsPort)).toMatch(
      /^hub_fit_connect_submissions_nearing_deadline 0$/m,
    );
  });

  it('lets a submission go that the platform deleted after 14 days, publishing nothing', async () => {
    receiver.simulator.admin.setFaults({ callback: 'lose' });
    receiver.simulator.admin.revokeTokens();
    const { submissionId } = await receiver.send();
    receiver.simulator.admin.advanceClock(pickupPeriodMs);
    await receiver.poll();
    expect(receiver.simulator.admin.submission(submissionId)).toBeUndefined();
    expect(recordsOf(submissionId)).toHaveLength(0);
  });
});
