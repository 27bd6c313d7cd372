import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { CitizenStatusHandler } from './status/citizen-status.handler.js';

describe('the portal gateway’s handlers', () => {
  it('are the catalogue’s consumers for portal-gateway, topic by topic', () => {
    expect(consumerGroupsOf('portal-gateway', kitEventsOf(CitizenStatusHandler))).toEqual(
      consumedBy('portal-gateway'),
    );
  });
});
