import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { ApplicationSubmittedHandler } from './application-submitted.handler.js';
import { CitizenStatusChangedHandler } from './citizen-status-changed.handler.js';
import { DocumentIssuedHandler } from './document-issued.handler.js';

describe('the postbox-connector handlers', () => {
  it('are the catalogue’s consumers for postbox-connector, topic by topic', () => {
    expect(
      consumerGroupsOf(
        'postbox-connector',
        kitEventsOf(
          ApplicationSubmittedHandler,
          CitizenStatusChangedHandler,
          DocumentIssuedHandler,
        ),
      ),
    ).toEqual(consumedBy('postbox-connector'));
  });
});
