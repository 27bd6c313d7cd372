import { readFileSync } from 'node:fs';
import { kitConfigSchema } from '@hub/kit';
import { describe, expect, it } from 'vitest';
import { gatewayConfigSchema } from './config.js';

const required = { JWKS_FILE: '/etc/hub/jwks.json' };

describe('gateway configuration', () => {
  it('documents each of its own variables in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const own = Object.keys(gatewayConfigSchema.shape).filter(
      (name) => !(name in kitConfigSchema.shape),
    );
    expect(own.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('defaults to a one-hour token lifetime and the portal document store', () => {
    const config = gatewayConfigSchema.parse(required);
    expect(config.MAX_TOKEN_LIFETIME_SECONDS).toBe(3600);
    expect(config.ATTACHMENT_URI_ORIGINS).toBe('dms://uploads');
  });

  it.each(['https://dms.stadt.example', 'dms://uploads/, https://dms.stadt.example:8443'])(
    'accepts the attachment origins %j',
    (origins) => {
      expect(
        gatewayConfigSchema.safeParse({ ...required, ATTACHMENT_URI_ORIGINS: origins }).success,
      ).toBe(true);
    },
  );

  it.each(['https://dms.stadt.example/uploads', 'dms.stadt.example', 'https://u@dms.example', ''])(
    'refuses the attachment origins %j, naming the variable',
    (origins) => {
      const result = gatewayConfigSchema.safeParse({
        ...required,
        ATTACHMENT_URI_ORIGINS: origins,
      });
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
        'ATTACHMENT_URI_ORIGINS',
      ]);
    },
  );
});
