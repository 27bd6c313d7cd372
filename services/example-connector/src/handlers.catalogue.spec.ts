import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { ApplicationSubmittedHandler } from './application-submitted.handler.js';

describe('the example connector’s handlers', () => {
  it('are the catalogue’s consumers for example-connector, topic by topic', () => {
    expect(consumerGroupsOf('example-connector', kitEventsOf(ApplicationSubmittedHandler))).toEqual(
      consumedBy('example-connector'),
    );
  });
});
