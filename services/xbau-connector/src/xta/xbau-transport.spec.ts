import { describe, expect, it } from 'vitest';
import { xoevError, type TransportReport, type XtaRouting } from '@hub/xoev';
import { XbauTransport } from './xbau-transport.js';
import type { EarlierSend, XtaSendKey } from './xta-send-log.js';

const routing = {} as XtaRouting;
const key = { consumerGroup: 'group-1', nachrichtenUUID: 'nachricht-1' };

/** An XTA server in memory: ids it handed out, messages it holds, and every sendMessage. */
function fakeServer(reports: Map<string, number>) {
  const sends: string[] = [];
  let next = 0;
  return {
    sends,
    createMessageId() {
      next += 1;
      reports.set(`id-${next}`, 0);
      return Promise.resolve(`id-${next}`);
    },
    sendMessage(messageId: string) {
      sends.push(messageId);
      reports.set(messageId, 1);
      return Promise.resolve();
    },
    getTransportReport(messageId: string): Promise<TransportReport> {
      const status = reports.get(messageId);
      if (status === undefined)
        return Promise.reject(xoevError('XTA_MESSAGE_ID_UNKNOWN', `unbekannt: ${messageId}`));
      return Promise.resolve({ messageId, status });
    },
  };
}

function memoryLog(earlier?: EarlierSend) {
  const id = ({ consumerGroup, nachrichtenUUID }: XtaSendKey) =>
    `${consumerGroup}/${nachrichtenUUID}`;
  const entries = new Map<string, EarlierSend>(earlier ? [[id(key), earlier]] : []);
  return {
    entries,
    recall(of: XtaSendKey) {
      return Promise.resolve(entries.get(id(of)));
    },
    sendingAs(of: XtaSendKey, xtaMessageId: string) {
      entries.set(id(of), { xtaMessageId, sent: false });
      return Promise.resolve();
    },
    sent(of: XtaSendKey) {
      const entry = entries.get(id(of));
      if (entry) entries.set(id(of), { ...entry, sent: true });
      return Promise.resolve();
    },
  };
}

const timing = { pollIntervalMs: 1, deadlineMs: 100 };

describe('XbauTransport: once per message across attempts', () => {
  it('records the id before sending, then marks the message sent', async () => {
    const server = fakeServer(new Map());
    const log = memoryLog();

    const messageId = await new XbauTransport(server, log, timing).send('<x/>', routing, key);

    expect(server.sends).toEqual([messageId]);
    expect(log.entries.get('group-1/nachricht-1')).toEqual({ xtaMessageId: messageId, sent: true });
  });

  it('does not send again what the server already holds after an unanswered sendMessage', async () => {
    const server = fakeServer(new Map([['id-earlier', 1]]));
    const log = memoryLog({ xtaMessageId: 'id-earlier', sent: false });

    const messageId = await new XbauTransport(server, log, timing).send('<x/>', routing, key);

    expect(messageId).toBe('id-earlier');
    expect(server.sends).toEqual([]);
    expect(log.entries.get('group-1/nachricht-1')?.sent).toBe(true);
  });

  it('sends again under the same id while the server reports the message open', async () => {
    const server = fakeServer(new Map([['id-earlier', 0]]));
    const log = memoryLog({ xtaMessageId: 'id-earlier', sent: false });

    await new XbauTransport(server, log, timing).send('<x/>', routing, key);

    expect(server.sends).toEqual(['id-earlier']);
  });

  it('sends under a new id when the server does not know the earlier one', async () => {
    const server = fakeServer(new Map());
    const log = memoryLog({ xtaMessageId: 'id-lost', sent: false });

    const messageId = await new XbauTransport(server, log, timing).send('<x/>', routing, key);

    expect(messageId).not.toBe('id-lost');
    expect(server.sends).toEqual([messageId]);
  });

  it('keeps each consumer group on its own: another group sent the same message to its server', async () => {
    const server = fakeServer(new Map());
    const log = memoryLog({ xtaMessageId: 'id-elsewhere', sent: true });

    const otherGroup = { ...key, consumerGroup: 'group-2' };
    const messageId = await new XbauTransport(server, log, timing).send(
      '<x/>',
      routing,
      otherGroup,
    );

    expect(server.sends).toEqual([messageId]);
    expect(messageId).not.toBe('id-elsewhere');
  });

  it('asks nothing and sends nothing for a message already sent', async () => {
    const server = fakeServer(new Map([['id-earlier', 1]]));
    const log = memoryLog({ xtaMessageId: 'id-earlier', sent: true });

    await new XbauTransport(server, log, timing).send('<x/>', routing, key);

    expect(server.sends).toEqual([]);
  });
});
