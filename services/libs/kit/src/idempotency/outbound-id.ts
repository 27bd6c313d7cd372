import { v5 as uuidv5 } from 'uuid';

/** The hub's UUIDv5 namespace: ids derived in it mean "this event, toward that system". */
const hubNamespace = 'a3c5e2f0-8d1b-5e4a-9c7f-4b2d6e8f0a13';

/**
 * A deterministic id for what a handler sends out (XÖV `nachrichtenUUID`, XBezahldienste
 * `requestId`): a redelivered event produces the same id, so the receiving system can recognise
 * the repeat. `purpose` tells apart several calls made for one event.
 */
export function outboundId(eventId: string, purpose = ''): string {
  return uuidv5(purpose ? `${purpose}:${eventId}` : eventId, hubNamespace);
}
