import { describe, expect, it } from 'vitest';
import { examples } from '@hub/contracts';
import { authorOf } from './delivery-requested.handler.js';

const configured = { id: 'bpt:00000000', name: 'Configured portal' };

describe('the author of the XBau message', () => {
  it('is the one the route put into the request', () => {
    const request = {
      ...examples['procedure/delivery-requested'],
      author: { authorityId: 'bpt:05315000', name: 'Bauportal Köln' },
    };
    expect(authorOf(request, configured)).toEqual({ id: 'bpt:05315000', name: 'Bauportal Köln' });
  });

  it('is the configured identity for a request from before routes named one', () => {
    const request = { ...examples['procedure/delivery-requested'], author: null };
    expect(authorOf(request, configured)).toBe(configured);
  });
});
