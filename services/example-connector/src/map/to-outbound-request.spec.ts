import { describe, expect, it } from 'vitest';
import { examples } from '@hub/contracts';
import { toOutboundRequest } from './to-outbound-request.js';

describe('the example-connector mapping', () => {
  it('sends the event for its application', () => {
    const event = examples['case/citizen-status-changed'];

    expect(toOutboundRequest(event)).toEqual({ applicationId: event.applicationId, event });
  });
});
