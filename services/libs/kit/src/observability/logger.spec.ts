import { Writable } from 'node:stream';
import { HubError } from '@hub/errors';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('given an error quoting a name, when logged as err, then the line keeps code and type but not the name', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('test', 'info', destination);
    const error = new HubError(
      'XOEV_INVALID',
      "The value 'Zyxwort\u0000 Quxheim' is not accepted by the pattern '[a-z]+'",
      { retryable: false },
    );

    logger.warn({ err: error }, 'reply rejected');

    const line = lines.join('');
    expect(line).toContain('XOEV_INVALID');
    expect(line).toContain('HubError');
    expect(line).not.toContain('Zyxwort');
  });
});
