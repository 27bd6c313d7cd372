import { readFileSync } from 'node:fs';
import { eventually } from '@hub/platform';
import { XtaClient, type XtaRouting } from '@hub/xoev';
import type { XtaSimulator } from '../src/index.js';

/** A valid XBau 2.6 0200 (the XÖV library's sample, a copy of one of the mapping's goldens). */
export const antrag = readFileSync(
  new URL(import.meta.resolve('@hub/xoev/testdata/valid-0200.xbau-2.6.xml')),
  'utf8',
);

export const nachrichtenUUID = /<nachrichtenUUID>([^<]+)</.exec(antrag)?.[1] ?? '';

/** The same 0200 without the applicant's first name, which XBau requires. */
export const invalidAntrag = antrag.replace(/<vorname>[\s\S]*?<\/vorname>/, '');

export const routing: XtaRouting = {
  author: 'bpt:05913000',
  reader: 'bab:05913000',
  service: 'urn:xoev-de:bmk:standard:xbau',
  businessScenario: 'XBAU_BAUGENEHMIGUNG',
  messageType: { code: '0200', payloadSchema: 'http://www.xleitstelle.de/xbau/2/6' },
};

/** The hub's client against the simulator, as the connector configures it. */
export function clientOf(simulator: XtaSimulator): XtaClient {
  return XtaClient.create({
    endpoint: simulator.url,
    security: { kind: 'username-token', username: 'hub', password: 'secret' },
    timeoutMs: 5_000,
  });
}

/** Waits until the simulator has put every scheduled reply in the box. */
export async function allRepliesInBox(simulator: XtaSimulator): Promise<void> {
  await eventually(() => (simulator.pendingReplies() === 0 ? true : undefined), {
    timeoutMs: 10_000,
    intervalMs: 20,
    what: 'every scheduled reply to be in the box',
  });
}
