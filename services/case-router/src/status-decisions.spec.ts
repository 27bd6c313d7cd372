import { describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import type { Case } from './case.js';
import { onDelivered, onPaymentFailed, onSubmitted } from './case-decisions.js';
import { onStatusReported } from './status-decisions.js';
import {
  applied,
  delivery,
  freeRoute,
  now,
  route,
  settings,
  status,
  withFee,
  withoutFee,
} from '../test/case-fixtures.js';

const awaitingPayment = applied(onSubmitted(withFee, route, settings));
const requested = applied(onSubmitted(withoutFee, freeRoute, settings));
const delivered = applied(onDelivered(requested, delivery));

function refusal(current: Case, code: string, authorityId?: string | null): HubError | undefined {
  try {
    onStatusReported(current, status(code, '2026-11-25T10:00:00Z', null, authorityId));
  } catch (error) {
    if (error instanceof HubError) return error;
  }
  return undefined;
}

describe('status reports from the procedure', () => {
  it('given an unpaid, undelivered case, when another authority reports "Bescheid erteilt", then it is refused for good', () => {
    expect(refusal(awaitingPayment, '10', 'bab:99999999')).toMatchObject({
      code: 'REPLY_WRONG_AUTHORITY',
      retryable: false,
    });
  });

  it('given a delivered case, when a reply names no authority or another one, then it is refused for good', () => {
    expect(refusal(delivered, '10', null)?.code).toBe('REPLY_WRONG_AUTHORITY');
    expect(refusal(delivered, '10', 'bab:05315000')?.code).toBe('REPLY_WRONG_AUTHORITY');
    expect(refusal(delivered, '10', 'Erika Mustermann')?.message).not.toContain('Erika');
  });

  it.each([
    ['unpaid', awaitingPayment],
    [
      'cancelled before delivery',
      applied(
        onPaymentFailed(awaitingPayment, {
          applicationId: awaitingPayment.applicationId,
          paymentId: 'p',
          failedAt: now,
          reason: 'DECLINED',
          providerMessage: null,
        }),
      ),
    ],
  ])(
    'given a case %s, when its own authority replies, then it is refused for good',
    (_, current) => {
      for (const code of ['RECEIPT', '10', '04'])
        expect(refusal(current, code)).toMatchObject({
          code: 'REPLY_NOT_EXPECTED',
          retryable: false,
        });
    },
  );

  it('given an unroutable case, when any authority replies, then it is refused for good', () => {
    const unroutable = applied(onSubmitted(withoutFee, undefined, settings));
    expect(refusal(unroutable, '10')?.code).toBe('REPLY_WRONG_AUTHORITY');
  });

  it('given a delivery not yet confirmed, when a decision is reported, then it waits for the confirmation (retryable)', () => {
    expect(refusal(requested, '10')).toMatchObject({
      code: 'REPLY_BEFORE_DELIVERY',
      retryable: true,
    });
  });

  it('given a delivery not yet confirmed, when the receipt overtakes the confirmation, then "zugestellt" comes first and the confirmation adds nothing', () => {
    const decision = onStatusReported(requested, status('RECEIPT', '2026-11-24T10:05:00Z'));
    expect(decision.next).toMatchObject({
      state: 'IN_PROCEDURE',
      deliveredAt: new Date('2026-11-24T10:05:00Z'),
    });
    expect(decision.citizen.map((step) => step.statusText)).toEqual([
      'Ihr Antrag wurde der zuständigen Behörde zugestellt.',
      'Bauaufsicht: Status RECEIPT',
    ]);
    const late = onDelivered(applied(decision), delivery);
    expect(late.citizen).toEqual([]);
    expect(late.next.state).toBe('IN_PROCEDURE');
  });

  it('given the case number, when a later receipt arrives, then it joins the timeline but the state does not go back', () => {
    const withNumber = applied(
      onStatusReported(delivered, status('CASE_NUMBER', '2026-11-25T10:00:00.010Z', 'BA-1')),
    );
    const receipt = onStatusReported(withNumber, status('14', '2026-11-25T10:00:00.060Z'));
    expect(withNumber.citizenState).toBe('PROCESSING');
    expect(receipt.citizen).toMatchObject([
      { state: 'PROCESSING', statusText: 'Bauaufsicht: Status 14' },
    ]);
    expect(applied(receipt)).toMatchObject({ state: 'IN_PROCEDURE', citizenState: 'PROCESSING' });
  });

  it('given documents were requested, when the case is reported in progress again, then the state follows (not backwards)', () => {
    const asked = applied(onStatusReported(delivered, status('17', '2026-11-26T10:00:00Z')));
    const working = onStatusReported(asked, status('18', '2026-11-27T10:00:00Z'));
    expect(working.citizen).toMatchObject([{ state: 'PROCESSING', actionRequired: false }]);
  });

  it('given two reports stamped in the same instant, when they arrive in the order sent, then the later one sets the state', () => {
    // Under load the simulator's timers fire together; real authorities often stamp whole seconds.
    const at = '2026-11-27T10:00:00Z';
    const working = applied(onStatusReported(delivered, status('18', at)));
    const asked = onStatusReported(working, status('17', at));
    expect(asked.citizen).toMatchObject([{ state: 'ACTION_REQUIRED', actionRequired: true }]);
    const decided = applied(onStatusReported(applied(asked), status('10', at)));
    expect(decided).toMatchObject({ state: 'COMPLETED', citizenState: 'COMPLETED' });
  });

  it('given a later report was applied, when an older one arrives, then it joins the history only', () => {
    const decided = applied(onStatusReported(delivered, status('10', '2026-11-27T10:00:00Z')));
    const stale = onStatusReported(decided, status('17', '2026-11-26T10:00:00Z'));
    expect(stale.citizen).toMatchObject([{ state: 'COMPLETED', actionRequired: false }]);
    expect(applied(stale).state).toBe('COMPLETED');
  });
});
