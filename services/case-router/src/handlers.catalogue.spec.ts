import { describe, expect, it } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { consumerGroupsOf, kitEventsOf } from '@hub/kit';
import { deadLetterWatcherBindings } from './dead-letter-watch.js';
import { CaseRouterHandlers } from './handlers.js';

describe('the case router’s handlers', () => {
  it('are the catalogue’s consumers for case-router: the decisions and the dead-letter watchers', () => {
    const registered = [...kitEventsOf(CaseRouterHandlers), ...deadLetterWatcherBindings()];
    expect(consumerGroupsOf('case-router', registered)).toEqual(consumedBy('case-router'));
  });
});
