import { describe, expect, it } from 'vitest';
import { BearerTokenCache, type AccessToken } from './bearer-token-cache.js';

function tokenEndpoint(expiresInSeconds: number) {
  let issued = 0;
  return {
    fetch: (): Promise<AccessToken> => {
      issued += 1;
      return Promise.resolve({ value: `token-${issued}`, expiresInSeconds });
    },
    issued: () => issued,
  };
}

describe('BearerTokenCache', () => {
  it('reuses the token until shortly before it expires', async () => {
    let now = 0;
    const endpoint = tokenEndpoint(300);
    const cache = new BearerTokenCache(endpoint.fetch, () => now);

    expect(await cache.token()).toBe('token-1');
    now = 269_000;
    expect(await cache.token()).toBe('token-1');
    now = 270_000;
    expect(await cache.token()).toBe('token-2');
    expect(endpoint.issued()).toBe(2);
  });

  it('renews a short-lived token at half its lifetime', async () => {
    let now = 0;
    const endpoint = tokenEndpoint(10);
    const cache = new BearerTokenCache(endpoint.fetch, () => now);
    await cache.token();
    now = 4_999;
    expect(await cache.token()).toBe('token-1');
    now = 5_000;
    expect(await cache.token()).toBe('token-2');
  });

  it('asks the token endpoint once for concurrent callers', async () => {
    const endpoint = tokenEndpoint(300);
    const cache = new BearerTokenCache(endpoint.fetch, () => 0);
    const tokens = await Promise.all([cache.token(), cache.token(), cache.token()]);
    expect(tokens).toEqual(['token-1', 'token-1', 'token-1']);
    expect(endpoint.issued()).toBe(1);
  });

  it('fetches a new token after invalidate', async () => {
    const endpoint = tokenEndpoint(300);
    const cache = new BearerTokenCache(endpoint.fetch, () => 0);
    await cache.token();
    cache.invalidate();
    expect(await cache.token()).toBe('token-2');
  });

  it('does not keep a failed fetch: the next call tries again', async () => {
    let fail = true;
    const cache = new BearerTokenCache(() =>
      fail
        ? Promise.reject(new TypeError('token endpoint down'))
        : Promise.resolve({ value: 'fresh', expiresInSeconds: 300 }),
    );
    await expect(cache.token()).rejects.toThrow('token endpoint down');
    fail = false;
    expect(await cache.token()).toBe('fresh');
  });
});
