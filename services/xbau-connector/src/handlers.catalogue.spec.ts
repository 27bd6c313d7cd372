import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { DeliveryRequestedHandler } from './delivery-requested.handler.js';

describe('the XBau connector’s handlers', () => {
  it('are the catalogue’s consumers for xbau-connector, topic by topic', () => {
    expect(consumerGroupsOf('xbau-connector', kitEventsOf(DeliveryRequestedHandler))).toEqual(
      consumedBy('xbau-connector'),
    );
  });
});
