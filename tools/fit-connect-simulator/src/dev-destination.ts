import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';
import type { FitConnectSimulator } from './fit-connect-simulator.js';

const devFile = (name: string) =>
  fileURLToPath(import.meta.resolve(`@hub/deploy-config/dev/${name}`));

/** The development destination of `npm start` (deploy/config/dev), as the receiver knows it. */
export interface DevDestination {
  readonly destinationId: string;
  readonly subscriber: { readonly clientId: string; readonly clientSecret: string };
  readonly sender: { readonly clientId: string; readonly clientSecret: string };
  readonly callbackSecret: string;
}

export const devDestinationFiles = {
  destination: devFile('fit-connect-dev-destination.json'),
  decryptionKey: devFile('fit-connect-decryption-key.jwk.json'),
  signingKey: devFile('fit-connect-signing-key.jwk.json'),
};

/** The public members of an RSA JWK: the platform never holds a destination's private keys. */
function publicHalf(file: string): JWK {
  const { kty, n, e, kid, alg } = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  return { kty, n, e, kid, alg };
}

export function devDestination(): DevDestination {
  return JSON.parse(readFileSync(devDestinationFiles.destination, 'utf8')) as DevDestination;
}

/** Registers the development destination, its clients and its callback with the simulator. */
export function registerDevDestination(simulator: FitConnectSimulator, callbackUrl: string): void {
  const dev = devDestination();
  simulator.admin.addClient({
    ...dev.subscriber,
    role: 'subscriber',
    destinationId: dev.destinationId,
  });
  simulator.admin.addClient({ ...dev.sender, role: 'sender' });
  simulator.admin.addDestination({
    destinationId: dev.destinationId,
    encryptionKey: publicHalf(devDestinationFiles.decryptionKey),
    signatureKey: publicHalf(devDestinationFiles.signingKey),
    callback: { url: callbackUrl, secret: dev.callbackSecret },
  });
}
