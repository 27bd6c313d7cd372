import { describe, expect, it } from 'vitest';
import { MessageBoxStore } from './message-box-store.js';
import { MsgBoxRequests } from './msg-box-requests.js';
import { unknownRouting, type BoxEntry } from './simulated-authority.js';

const entry = (messageId: string): BoxEntry => ({
  messageId,
  xml: '<x/>',
  routing: unknownRouting,
  deliveredAt: new Date(0),
});
const ids = (entries: readonly BoxEntry[]) => entries.map(({ messageId }) => messageId);

function boxWith(...messageIds: string[]): MessageBoxStore {
  const box = new MessageBoxStore();
  for (const id of messageIds) box.put(entry(id));
  return box;
}

describe('MsgBoxRequests over the message box', () => {
  it('pages a status list in the order of arrival and counts what is left', () => {
    const box = boxWith('a', 'b', 'c', 'd', 'e');
    const requests = new MsgBoxRequests();
    const list = requests.issue(0, box.newestPlace);
    const first = requests.take(list, 2, box);
    expect([ids(first.entries), first.left]).toEqual([['a', 'b'], 3]);
    const second = requests.take(list, 2, box);
    expect([ids(second.entries), second.left]).toEqual([['c', 'd'], 1]);
    const last = requests.take(list, 2, box);
    expect([ids(last.entries), last.left]).toEqual([['e'], 0]);
  });

  it('skips what was closed meanwhile and leaves out what arrived after the list', () => {
    const box = boxWith('a', 'b', 'c');
    const requests = new MsgBoxRequests();
    const list = requests.issue(0, box.newestPlace);
    box.remove('b');
    box.put(entry('late'));
    const page = requests.take(list, 10, box);
    expect([ids(page.entries), page.left]).toEqual([['a', 'c'], 0]);
  });

  it('offers the messages after a fetched one, for getNextMessage', () => {
    const box = boxWith('a', 'b', 'c');
    const requests = new MsgBoxRequests();
    const afterA = requests.issue(box.placeOf('a') ?? -1, box.newestPlace);
    expect(box.countAfter(box.placeOf('a') ?? -1)).toBe(2);
    expect(requests.take(afterA, 0, box).left).toBe(2);
    expect(ids(requests.take(afterA, 1, box).entries)).toEqual(['b']);
    expect(ids(requests.take(afterA, 1, box).entries)).toEqual(['c']);
    expect(requests.take(afterA, 1, box).entries).toEqual([]);
  });

  it('offers nothing under an unknown or closed request id', () => {
    const box = boxWith('a');
    const requests = new MsgBoxRequests();
    const list = requests.issue(0, box.newestPlace);
    requests.close(list);
    expect(requests.known(list)).toBe(false);
    expect(requests.take(list, 5, box)).toEqual({ entries: [], left: 0 });
  });

  it('counts the messages still in the box after a fetched one', () => {
    const box = boxWith('a', 'b', 'c', 'd');
    box.remove('c');
    expect(box.countAfter(box.placeOf('a') ?? -1)).toBe(2);
    expect(box.countAfter(box.placeOf('d') ?? -1)).toBe(0);
  });
});
