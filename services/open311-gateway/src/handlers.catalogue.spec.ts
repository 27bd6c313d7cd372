import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { DeliverToOfficeHandler } from './office/deliver-to-office.handler.js';

describe('the open311 gateway’s handlers', () => {
  it('are the catalogue’s consumers for open311-gateway, topic by topic', () => {
    expect(consumerGroupsOf('open311-gateway', kitEventsOf(DeliverToOfficeHandler))).toEqual(
      consumedBy('open311-gateway'),
    );
  });
});
