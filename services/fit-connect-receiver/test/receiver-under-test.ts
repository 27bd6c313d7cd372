import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { bootstrapHubService, silentLogger, type RoundTimer } from '@hub/kit';
import {
  platform,
  sendSubmission,
  startFitConnectSimulator,
  uniqueServiceName,
  type OutgoingSubmission,
} from '@hub/test-support';
import { fitConnectReceiverConfigSchema } from '../src/config.js';
import { applicationIdOf } from '../src/intake/submission-intake.js';
import { collectApplications } from './collect-applications.js';
import { bauantrag } from './fixtures.js';
import { FitConnectReceiverModule, PENDING_POLL } from '../src/fit-connect-receiver.module.js';
import { SubmissionQueue } from '../src/intake/submission-queue.js';
import { receiverHttp } from '../src/receiver-http.js';

export const callbackSecret = 'callback-secret-of-the-test-destination-0123456789';
export const sender = { clientId: 'efa-bauantrag', clientSecret: 'sender-secret' };

/** 2048-bit keys keep the tests fast; production destinations hold 4096-bit keys. */
async function keyPair(alg: 'RSA-OAEP-256' | 'PS512', kid: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    modulusLength: 2048,
    extractable: true,
  });
  const common = { kid, alg };
  return {
    public: { ...(await exportJWK(publicKey)), ...common } as JWK,
    private: { ...(await exportJWK(privateKey)), ...common } as JWK,
  };
}

export const schemaUri = 'urn:de:fim:s17000xxx:efa-bauantrag:1.0.0';

/**
 * The FIT-Connect simulator with one destination, and the real receiver (HTTP on a free port,
 * real Kafka, registry and PostgreSQL) as that destination. Polling only when the test asks.
 */
export async function startReceiverUnderTest(env: Record<string, string> = {}) {
  const simulator = await startFitConnectSimulator();
  const destinationId = randomUUID();
  const encryption = await keyPair('RSA-OAEP-256', `enc-${destinationId.slice(0, 8)}`);
  const signature = await keyPair('PS512', `sig-${destinationId.slice(0, 8)}`);
  const folder = mkdtempSync(join(tmpdir(), 'fit-connect-receiver-'));
  writeFileSync(join(folder, 'decryption.jwk.json'), JSON.stringify(encryption.private));
  writeFileSync(join(folder, 'signing.jwk.json'), JSON.stringify(signature.private));
  const subscriber = { clientId: `destination-${destinationId}`, clientSecret: randomUUID() };
  simulator.admin.addClient({ ...subscriber, role: 'subscriber', destinationId });
  simulator.admin.addClient({ ...sender, role: 'sender' });

  const config = fitConnectReceiverConfigSchema.parse({
    ...platform(),
    SERVICE_NAME: uniqueServiceName('fit-connect-receiver-it'),
    HTTP_PORT: '0',
    OPS_PORT: '0',
    TRACE_EXPORTER: 'none',
    FIT_CONNECT_API_URL: simulator.url,
    FIT_CONNECT_TOKEN_URL: `${simulator.url}/token`,
    FIT_CONNECT_CLIENT_ID: subscriber.clientId,
    FIT_CONNECT_CLIENT_SECRET: subscriber.clientSecret,
    FIT_CONNECT_DESTINATION_ID: destinationId,
    CALLBACK_SECRET: callbackSecret,
    DECRYPTION_KEY_FILE: join(folder, 'decryption.jwk.json'),
    SIGNING_KEY_FILE: join(folder, 'signing.jwk.json'),
    POLL_INTERVAL_MS: String(60 * 60 * 1000),
    ...env,
  });
  const service = await bootstrapHubService(FitConnectReceiverModule, {
    config,
    logger: silentLogger,
    http: receiverHttp(config),
  });
  const callbackUrl = `${service.url}/callbacks/fit-connect`;
  simulator.admin.addDestination({
    destinationId,
    encryptionKey: encryption.public,
    signatureKey: signature.public,
    callback: { url: callbackUrl, secret: callbackSecret },
  });
  const queue = service.get(SubmissionQueue);
  return {
    simulator,
    service,
    destinationId,
    callbackUrl,
    /** Sends an EfA building-permit submission through the simulator to the destination. */
    send: (outgoing: Partial<OutgoingSubmission> = {}) =>
      sendSubmission(simulator.url, sender, {
        destinationId,
        leikaKey: '99010003001000',
        serviceName: 'Bauantrag',
        schemaUri,
        data: bauantrag(),
        attachments: [
          {
            filename: 'lageplan.png',
            mimeType: 'image/png',
            content: new TextEncoder().encode('PNG bytes of a site plan'),
          },
        ],
        ...outgoing,
      }),
    /** Waits until every callback has been answered and every queued submission decided. */
    settled: async () => {
      await simulator.admin.callbacksIdle();
      await queue.idle();
    },
    poll: () => service.get<RoundTimer<number>>(PENDING_POLL).runNow(),
    stop: async () => {
      await service.stop();
      await simulator.stop();
    },
  };
}

export type ReceiverUnderTest = Awaited<ReturnType<typeof startReceiverUnderTest>>;

/** The receiver under test with a collector of the applications it publishes, both for a file. */
export async function startReceiverWithApplications(env: Record<string, string> = {}) {
  const receiver = await startReceiverUnderTest(env);
  const collector = await collectApplications();
  return {
    receiver,
    published: collector.messages,
    /** The records published for these submissions (keys: the hub's application ids). */
    publishedFor: (submissionIds: readonly string[]) => {
      const keys = new Set(submissionIds.map((id) => applicationIdOf(receiver.destinationId, id)));
      return collector.messages.filter((message) => keys.has(message.key?.toString() ?? ''));
    },
    stop: async () => {
      await collector.stop();
      await receiver.stop();
    },
  };
}
