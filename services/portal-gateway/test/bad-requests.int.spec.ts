import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validApplication } from './fixtures.js';
import { citizen, maxBodyBytes, startGatewayUnderTest } from './gateway-under-test.js';

type Under = Awaited<ReturnType<typeof startGatewayUnderTest>>;

interface BadRequest {
  readonly name: string;
  /** Builds the request; gets the gateway under test for tokens. */
  readonly request: (under: Under) => Promise<{ body: string; headers: Record<string, string> }>;
  readonly status: number;
  /** A fragment of `detail`, or the JSON path named in `errors`. */
  readonly detail?: string;
  readonly path?: string;
}

const json = 'application/json';

async function asCitizen(under: Under, body: unknown, headers: Record<string, string> = {}) {
  const token = await under.idp.token({ citizenAccount: citizen });
  return {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, 'content-type': json, ...headers },
  };
}

/** A valid application sent with the token `makeToken` issues. */
function withToken(makeToken: (under: Under) => Promise<string>) {
  return async (under: Under) => ({
    body: JSON.stringify(validApplication()),
    headers: { 'content-type': json, authorization: `Bearer ${await makeToken(under)}` },
  });
}

function withChange(
  change: (application: Record<string, unknown>) => void,
): Record<string, unknown> {
  const application = validApplication();
  change(application);
  return application;
}

const applicant = (a: Record<string, unknown>) => a.applicant as Record<string, unknown>;

const badRequests: BadRequest[] = [
  {
    name: 'service key of the wrong type',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.serviceKey = 99010003001000)),
      ),
    status: 400,
    path: '/serviceKey',
  },
  {
    name: 'missing applicant',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => delete a.applicant),
      ),
    status: 400,
    path: '/applicant',
  },
  {
    name: 'missing postal code deep inside',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => delete (applicant(a).address as Record<string, unknown>).postalCode),
      ),
    status: 400,
    path: '/applicant/address/postalCode',
  },
  {
    name: 'malformed AGS',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.municipalityKey = '0591300X')),
      ),
    status: 400,
    path: '/municipalityKey',
  },
  {
    name: 'unknown service key for the municipality',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.serviceKey = '99999999999999')),
      ),
    status: 422,
    path: '/serviceKey',
  },
  {
    name: 'unknown field',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.favouriteColour = 'blue')),
      ),
    status: 400,
    detail: 'invalid fields',
  },
  {
    name: 'fee with three decimals',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.fee = { amount: '12.505', currency: 'EUR' })),
      ),
    status: 400,
    path: '/fee/amount',
  },
  {
    name: 'attachment with a bad SHA-256',
    request: (u) =>
      asCitizen(
        u,
        withChange(
          (a) =>
            ((a.attachments as Record<string, unknown>[])[0] = {
              ...(a.attachments as Record<string, unknown>[])[0],
              sha256: 'abc',
            }),
        ),
      ),
    status: 400,
    path: '/attachments/0/sha256',
  },
  {
    name: 'a form field the procedure needs left out',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => {
          a.formFields = (a.formFields as { key: string }[]).filter(
            (f) => f.key !== 'baugrundstueck.gemarkung',
          );
        }),
      ),
    status: 422,
    path: '/formFields',
  },
  {
    name: 'an attachment type the procedure cannot carry',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => {
          a.attachments = [
            { ...(a.attachments as Record<string, unknown>[])[0], mediaType: 'application/pdf' },
          ];
        }),
      ),
    status: 422,
    path: '/attachments/0/mediaType',
  },
  {
    name: 'invalid e-mail',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (applicant(a).email = 'not-an-address')),
      ),
    status: 400,
    path: '/applicant/email',
  },
  {
    name: 'oversize body',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.formId = 'x'.repeat(maxBodyBytes + 1))),
      ),
    status: 413,
    detail: 'size limit',
  },
  {
    name: 'wrong content type',
    request: async (u) => ({
      ...(await asCitizen(u, validApplication())),
      headers: { ...(await asCitizen(u, {})).headers, 'content-type': 'text/plain' },
    }),
    status: 415,
  },
  {
    name: 'malformed JSON',
    request: (u) => asCitizen(u, '{"serviceKey": "9901'),
    status: 400,
    detail: 'not valid JSON',
  },
  {
    name: 'missing token',
    request: () =>
      Promise.resolve({
        body: JSON.stringify(validApplication()),
        headers: { 'content-type': json },
      }),
    status: 401,
    detail: 'bearer token is required',
  },
  {
    name: 'expired token',
    request: withToken((u) =>
      u.idp.token({ citizenAccount: citizen, expiresAt: Math.floor(Date.now() / 1000) - 120 }),
    ),
    status: 401,
    detail: 'expired',
  },
  {
    name: 'forged token',
    request: withToken((u) => u.idp.forgedToken({ citizenAccount: citizen })),
    status: 401,
    detail: 'not valid',
  },
  {
    name: 'token from another issuer',
    request: withToken((u) =>
      u.idp.token({ citizenAccount: citizen, issuer: 'https://evil.example' }),
    ),
    status: 401,
    detail: 'iss',
  },
  {
    name: 'wrong scope',
    request: withToken((u) => u.idp.token({ citizenAccount: citizen, scope: 'applications:read' })),
    status: 403,
    detail: 'applications:submit',
  },
  {
    name: 'another citizen’s account in the body',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.citizenAccountRef = 'postbox-someone-else')),
      ),
    status: 403,
    detail: 'own account',
  },
  {
    name: 'idempotency key with control characters',
    request: (u) => asCitizen(u, validApplication(), { 'idempotency-key': 'a b' }),
    status: 400,
    detail: 'Idempotency-Key',
  },
];

describe('bad requests get a clear answer and publish nothing', () => {
  let under: Under;
  beforeAll(async () => {
    under = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  it.each(badRequests)('$name → $status', async ({ request, status, detail, path }) => {
    const { body, headers } = await request(under);
    const answer = await under.post(body, headers);
    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.json.status).toBe(status);
    if (detail) expect(answer.json.detail).toContain(detail);
    if (path)
      expect((answer.json.errors as { path: string }[]).map((error) => error.path)).toContain(path);
  });

  it('covers at least fifteen distinct mistakes', () => {
    expect(new Set(badRequests.map((bad) => bad.name)).size).toBeGreaterThanOrEqual(15);
  });
});
