import { readdirSync, readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLayout, down, status, up, type StackLayout } from '@hub/platform';

/** JVMs whose command line carries this stack's part tag (what `ps` would show). */
function brokerJvms(layout: StackLayout): number[] {
  const tagged = `-Dhub.platform=`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return (
          cmdline.includes(tagged) &&
          cmdline.includes('kafka.Kafka') &&
          cmdline.includes(layout.home)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

const layout: StackLayout = {
  ...defaultLayout(1),
  home: mkdtempSync(join(tmpdir(), 'hub-launcher-')),
  kafkaBasePort: 29292,
};

describe('the platform launcher', () => {
  afterAll(async () => {
    await down(layout);
  });

  it('starts one broker however often `up` runs, and `down` leaves none', async () => {
    await up(layout, { kafkaOnly: true });
    await up(layout, { kafkaOnly: true });
    expect(brokerJvms(layout)).toHaveLength(1);
    expect((await status(layout)).find((part) => part.name === 'kafka-1')).toMatchObject({
      ready: true,
      address: '127.0.0.1:29292',
    });

    await down(layout);
    expect(brokerJvms(layout)).toHaveLength(0);
    expect((await status(layout)).find((part) => part.name === 'kafka-1')?.pid).toBeUndefined();
  });

  it('treats a stale pid file as stopped and starts anew', async () => {
    mkdirSync(join(layout.home, 'run'), { recursive: true });
    writeFileSync(join(layout.home, 'run', 'kafka-1.pid'), String(process.pid)); // alive, but not ours
    expect((await status(layout)).find((part) => part.name === 'kafka-1')?.pid).toBeUndefined();
    await up(layout, { kafkaOnly: true });
    expect(brokerJvms(layout)).toHaveLength(1);
    await down(layout);
  });

  it('refuses in one sentence when a port is taken', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(29292, '127.0.0.1', resolve));
    try {
      await expect(up(layout, { kafkaOnly: true })).rejects.toThrow(
        /^Port 29292, which kafka-1 needs, is already in use by another process/,
      );
    } finally {
      squatter.close();
    }
  });
});
