import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { DeliveryRequestedHandler } from './delivery-requested.handler.js';

describe('the XWasser connector’s handlers', () => {
  it('are the catalogue’s consumers for xwasser-connector, topic by topic', () => {
    expect(consumerGroupsOf('xwasser-connector', kitEventsOf(DeliveryRequestedHandler))).toEqual(
      consumedBy('xwasser-connector'),
    );
  });
});
