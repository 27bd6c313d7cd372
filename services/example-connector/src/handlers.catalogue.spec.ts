import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { CitizenStatusChangedHandler } from './citizen-status-changed.handler.js';

describe('the example-connector handlers', () => {
  it('are the catalogue’s consumers for example-connector, topic by topic', () => {
    expect(consumerGroupsOf('example-connector', kitEventsOf(CitizenStatusChangedHandler))).toEqual(
      consumedBy('example-connector'),
    );
  });
});
