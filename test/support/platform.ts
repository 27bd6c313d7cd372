import { inject } from 'vitest';
import type { PlatformEndpoints } from '@hub/platform';

/** The endpoints of the platform shared by this integration run (see global-setup.ts). */
export function platform(): PlatformEndpoints {
  return inject('platform');
}
