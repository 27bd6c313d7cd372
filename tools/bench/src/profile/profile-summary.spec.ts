import { describe, expect, it } from 'vitest';
import type { CpuProfile } from './inspector-profile.js';
import { summarizeProfile } from './profile-summary.js';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

// root → encode (kafkajs) and handle (a service file); an idle node beside them.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
    { id: 2, callFrame: frame('encode', 'file:///repo/node_modules/kafkajs/src/encoder.js') },
    { id: 3, callFrame: frame('handle', 'file:///repo/services/xbau-connector/src/handler.ts') },
    { id: 4, callFrame: frame('(idle)') },
  ],
  // 3 ms in encode, 1 ms in handle, 6 ms idle.
  samples: [2, 2, 2, 3, 4, 4, 4, 4, 4, 4],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summarizeProfile', () => {
  it('shares self time out by package and by function, idle time left out', () => {
    const summary = summarizeProfile(profile);
    expect([summary.totalMs, summary.busyMs]).toEqual([10, 4]);
    expect(summary.byPackage).toEqual([
      ['kafkajs', 0.75],
      ['services/xbau-connector/src', 0.25],
    ]);
    expect(summary.byFunction[0]).toEqual(['encode kafkajs/src/encoder.js:1', 0.75]);
  });
});
