import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { ApplicationRejectedHandler } from './application-rejected.handler.js';
import { PaymentRequestedHandler } from './payment-requested.handler.js';

describe('the payment connector’s handlers', () => {
  it('are the catalogue’s consumers for payment-connector, topic by topic', () => {
    const registered = kitEventsOf(PaymentRequestedHandler, ApplicationRejectedHandler);
    expect(consumerGroupsOf('payment-connector', registered)).toEqual(
      consumedBy('payment-connector'),
    );
  });
});
