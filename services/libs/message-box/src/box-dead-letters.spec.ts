import { describe, expect, it } from 'vitest';
import { BoxDeadLetters, boxDeadLetterHeaders } from './box-dead-letters.js';
import type { ClaimChecks } from './claim-checks.js';

/** Claim checks in memory: what was kept, under which reference. */
function keptInMemory() {
  const kept = new Map<string, Buffer>();
  const claimChecks = {
    keep: (_messageId: string, payload: Buffer) => {
      const ref = `ref-${kept.size + 1}`;
      kept.set(ref, payload);
      return Promise.resolve(ref);
    },
  } as unknown as ClaimChecks;
  return { kept, claimChecks };
}

describe('BoxDeadLetters', () => {
  it('keeps each attachment of a refused message in a claim check and names them in a header', async () => {
    const { kept, claimChecks } = keptInMemory();
    const sent: { value: Buffer; headers: Record<string, string> }[] = [];
    const deadLetters = new BoxDeadLetters({
      producer: {
        send: (_topic, record) => {
          sent.push(record as (typeof sent)[number]);
          return Promise.resolve();
        },
      },
      claimChecks,
      group: 'svc.replies',
      topic: 'dlq.svc.replies',
      capacity: 1_000,
    });
    const pdf = Buffer.from('%PDF-1.4 notice');
    await deadLetters.send('urn:msg:1', '<xml/>', { code: 'X', reason: 'r' }, 1, [{ bytes: pdf }]);

    const [letter] = sent;
    expect(letter?.value.toString()).toBe('<xml/>');
    const refs = letter?.headers[boxDeadLetterHeaders.attachmentClaimChecks]?.split(',') ?? [];
    expect(refs.map((ref) => kept.get(ref))).toEqual([pdf]);
  });
});
