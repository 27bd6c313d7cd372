import { describe, expect, it } from 'vitest';
import { examples, type DeliveryRequested } from '@hub/contracts';
import { samplingPointField, toLabOrder } from './to-lab-order.js';

const office = { id: 'gesundheitsamt:05913000', name: 'Gesundheitsamt Dortmund' };
const eventId = '7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b';
const example = examples['procedure/delivery-requested'];

/** A delivery request of the xwasser route with `formFields`. */
function request(formFields: DeliveryRequested['application']['formFields']): DeliveryRequested {
  return {
    ...example,
    standard: 'XWASSER',
    standardVersion: '1.0.0',
    messageType: 'vorgang.transportieren.2010',
    application: { ...example.application, formFields },
  };
}

describe('toLabOrder', () => {
  const asked = request([{ key: samplingPointField, value: ' Küche, Erdgeschoss ' }]);

  it('orders the tap the citizen named, for the health office’s own box', () => {
    expect(toLabOrder(asked, eventId, office)).toMatchObject({
      samplingPoint: 'Küche, Erdgeschoss',
      reportTo: office,
    });
  });

  it('gives a redelivered request the same order and case, another request others', () => {
    const first = toLabOrder(asked, eventId, office);
    expect(toLabOrder(asked, eventId, office)).toEqual(first);
    const other = toLabOrder(asked, '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', office);
    expect(other.orderId).not.toBe(first.orderId);
    expect(other.caseId).not.toBe(first.caseId);
    expect(first.caseId).not.toBe(first.orderId);
  });

  it.each([
    ['no sampling point', request([]), 'XWASSER_NO_SAMPLING_POINT'],
    [
      'a blank one',
      request([{ key: samplingPointField, value: '  ' }]),
      'XWASSER_NO_SAMPLING_POINT',
    ],
    [
      'a request of another standard',
      { ...asked, standard: 'XBAU' as const },
      'XWASSER_UNSUPPORTED_REQUEST',
    ],
  ])('refuses %s for good', (_, refused, code) => {
    expect(() => toLabOrder(refused, eventId, office)).toThrow(
      expect.objectContaining({ code, retryable: false }) as Error,
    );
  });
});
