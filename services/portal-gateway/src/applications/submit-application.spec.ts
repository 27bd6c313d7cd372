import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RoutingTable } from '@hub/routing';
import { loadXbauTextTypes } from '@hub/xoev';
import { attachmentOrigins } from '../door/attachment-refusals.js';
import { ProblemResponse } from '../http/problem.js';
import { validApplication } from '../../test/fixtures.js';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import type { ApplicationRegistry } from './application-registry.js';
import { SubmitApplication, type SubmittedApplicationPublisher } from './submit-application.js';

const routingTable = fileURLToPath(
  new URL('../../../../deploy/config/routing-table.json', import.meta.url),
);

/** Stores and publishes into arrays: what the gateway did is what the arrays hold afterwards. */
function gatewayWithMemory() {
  const stored: string[] = [];
  const published: string[] = [];
  const owners = new Map<string, string>();
  const applications = {
    recordSubmission(id: string, owner: string) {
      stored.push(id);
      owners.set(id, owner);
      return Promise.resolve();
    },
    ownerOf: (id: string) => Promise.resolve(owners.get(id)),
  } as unknown as ApplicationRegistry;
  const publisher: SubmittedApplicationPublisher = {
    publish(application) {
      published.push(application.applicationId);
      return Promise.resolve();
    },
  };
  const submit = new SubmitApplication(
    RoutingTable.fromFile(routingTable),
    // Never reached: these submissions carry neither an Idempotency-Key nor an application id.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    {} as IdempotencyStore,
    applications,
    publisher,
    { textTypes: loadXbauTextTypes(), attachmentOrigins: attachmentOrigins('dms://uploads') },
  );
  return { submit, stored, published };
}

const application = validApplication();

function input(abandoned: boolean) {
  return {
    caller: { clientId: 'portal', citizenAccount: 'postbox-7f3a9c21' },
    contentType: 'application/json',
    rawBody: Buffer.from(JSON.stringify(application)),
    body: application,
    idempotencyKey: undefined,
    traceparent: undefined,
    abandoned: () => abandoned,
  } as Parameters<SubmitApplication['handle']>[0];
}

describe('submitting for a client that has hung up', () => {
  it('given the client is still there, stores and publishes the application (202)', async () => {
    const { submit, stored, published } = gatewayWithMemory();
    const outcome = await submit.handle(input(false));
    expect(outcome).not.toBeInstanceOf(ProblemResponse);
    expect(outcome).toMatchObject({ status: 202 });
    expect(stored).toHaveLength(1);
    expect(published).toEqual(stored);
  });

  it('given the client has gone, stores and publishes nothing', async () => {
    const { submit, stored, published } = gatewayWithMemory();
    const outcome = await submit.handle(input(true));
    expect(outcome).toBeInstanceOf(ProblemResponse);
    expect((outcome as ProblemResponse).problem.status).toBe(499);
    expect(stored).toEqual([]);
    expect(published).toEqual([]);
  });
});
