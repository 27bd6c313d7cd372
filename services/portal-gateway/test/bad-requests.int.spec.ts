import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validApplication } from './fixtures.js';
import { citizen, maxBodyBytes, startGatewayUnderTest } from './gateway-under-test.js';

type Under = Awaited<ReturnType<typeof startGatewayUnderTest>>;

interface BadRequest {
  readonly name: string;
  /** Builds the request; gets the gateway under test for tokens. */
  readonly request: (
    under: Under,
  ) => Promise<{ body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> }>;
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
const address = (a: Record<string, unknown>) => applicant(a).address as Record<string, unknown>;
const firstAttachment = (a: Record<string, unknown>) =>
  (a.attachments as Record<string, unknown>[])[0] as Record<string, unknown>;
const formValue = (key: string, value: unknown) => (a: Record<string, unknown>) => {
  const fields = a.formFields as { key: string; value: unknown }[];
  const field = fields.find((candidate) => candidate.key === key);
  if (field) field.value = value;
  else fields.push({ key, value });
};
const now = () => Math.floor(Date.now() / 1000);

/** A text XBau cannot carry, put into one field: 422 naming exactly that field. */
function undeliverable(
  name: string,
  change: (application: Record<string, unknown>) => void,
  path: string,
): BadRequest {
  return { name, request: (u) => asCitizen(u, withChange(change)), status: 422, path };
}

/**
 * The hostile-input classes of issue 10: each used to get 202 and then die in the XBau connector
 * (or worse, reach the authority). The door now refuses them with the field's JSON pointer.
 */
const hostileTexts: BadRequest[] = [
  undeliverable(
    'NUL in a given name',
    (a) => (applicant(a).givenName = 'Eri\u0000ka'),
    '/applicant/givenName',
  ),
  undeliverable(
    'CR LF in a family name',
    (a) => (applicant(a).familyName = 'Muster\r\nmann'),
    '/applicant/familyName',
  ),
  undeliverable(
    'a blank given name',
    (a) => (applicant(a).givenName = '   '),
    '/applicant/givenName',
  ),
  undeliverable(
    'a lone surrogate in the city',
    (a) => (address(a).city = 'Dort\uD800mund'),
    '/applicant/address/city',
  ),
  undeliverable(
    'a bidi override in the street',
    (a) => (address(a).street = 'Friedens\u202Eplatz'),
    '/applicant/address/street',
  ),
  undeliverable(
    'a zero-width joiner in a name',
    (a) => (applicant(a).givenName = 'Eri\u200Dka'),
    '/applicant/givenName',
  ),
  undeliverable(
    'an emoji in a name',
    (a) => (applicant(a).familyName = 'Mustermann 😀'),
    '/applicant/familyName',
  ),
  undeliverable('a CJK name', (a) => (applicant(a).familyName = '李'), '/applicant/familyName'),
  undeliverable('an Arabic name', (a) => (applicant(a).givenName = 'محمد'), '/applicant/givenName'),
  undeliverable(
    'U+FFFF in a form answer',
    formValue('bauvorhaben.bezeichnung', 'Carport\uFFFF'),
    '/formFields/0/value',
  ),
  undeliverable(
    'U+FFFD (a replaced byte) in a name',
    (a) => (applicant(a).givenName = 'Eri\uFFFDka'),
    '/applicant/givenName',
  ),
  undeliverable(
    'stacked accents',
    (a) => (applicant(a).familyName = 'Mu\u0301\u0301ller'),
    '/applicant/familyName',
  ),
  undeliverable(
    'a measure code not in the XBau code list',
    formValue('bauvorhaben.massnahme', '99'),
    '/formFields/3/value',
  ),
  undeliverable(
    'NUL in a form answer no XBau element takes',
    formValue('bauvorhaben.notiz', 'a\u0000b'),
    '/formFields/6/value',
  ),
  undeliverable(
    'a ../ file name',
    (a) => (firstAttachment(a).fileName = '../../etc/passwd.png'),
    '/attachments/0/fileName',
  ),
  undeliverable(
    'a control character in a file name',
    (a) => (firstAttachment(a).fileName = 'plan\u0007.png'),
    '/attachments/0/fileName',
  ),
  undeliverable(
    'storageUri file:///etc/passwd',
    (a) => (firstAttachment(a).storageUri = 'file:///etc/passwd'),
    '/attachments/0/storageUri',
  ),
  undeliverable(
    'storageUri of the cloud metadata endpoint',
    (a) => (firstAttachment(a).storageUri = 'http://169.254.169.254/latest/meta-data/'),
    '/attachments/0/storageUri',
  ),
  undeliverable(
    'storageUri on a loopback host',
    (a) => (firstAttachment(a).storageUri = 'https://127.0.0.1/upload'),
    '/attachments/0/storageUri',
  ),
  undeliverable(
    'storageUri with credentials in front of an allowed store',
    (a) => (firstAttachment(a).storageUri = 'dms://evil@uploads/x'),
    '/attachments/0/storageUri',
  ),
  undeliverable(
    'a fee other than the route’s',
    (a) => (a.fee = { amount: '1.00', currency: 'EUR' }),
    '/fee/amount',
  ),
  undeliverable(
    'a fee of 0.00 where the route charges one',
    (a) => (a.fee = { amount: '0.00', currency: 'EUR' }),
    '/fee/amount',
  ),
  undeliverable('a fee for a free route', (a) => (a.municipalityKey = '05315000'), '/fee'),
  {
    name: 'NUL in the citizen account of a client-only token (would break the database)',
    request: async (u) => ({
      body: JSON.stringify(withChange((a) => (a.citizenAccountRef = 'postbox-\u0000-1234'))),
      headers: { 'content-type': json, authorization: `Bearer ${await u.idp.token()}` },
    }),
    status: 400,
    path: '/citizenAccountRef',
  },
  {
    name: 'a control character in the form id',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (a.formId = 'bauantrag\u0000')),
      ),
    status: 400,
    path: '/formId',
  },
  undeliverable('no attachment (XBau needs one)', (a) => (a.attachments = []), '/attachments'),
  undeliverable(
    'zero buildings',
    formValue('bauvorhaben.anzahlGebaeude', 0),
    '/formFields/6/value',
  ),
  undeliverable(
    '1.5 buildings',
    formValue('bauvorhaben.anzahlGebaeude', '1.5'),
    '/formFields/6/value',
  ),
  {
    name: 'a name longer than the contract allows',
    request: (u) =>
      asCitizen(
        u,
        withChange((a) => (applicant(a).givenName = 'E'.repeat(201))),
      ),
    status: 400,
    path: '/applicant/givenName',
  },
  {
    name: 'charset=utf-7',
    request: (u) =>
      asCitizen(u, validApplication(), { 'content-type': 'application/json; charset=utf-7' }),
    status: 415,
    detail: 'UTF-8',
  },
  {
    name: 'charset=iso-8859-1',
    request: (u) =>
      asCitizen(u, validApplication(), { 'content-type': 'application/json; charset=iso-8859-1' }),
    status: 415,
    detail: 'UTF-8',
  },
  {
    name: 'charset=utf-16le (body-parser would decode any utf-*)',
    request: async (u) => {
      const { headers } = await asCitizen(
        u,
        {},
        {
          'content-type': 'application/json; charset=utf-16le',
        },
      );
      return {
        body: new Uint8Array(Buffer.from(JSON.stringify(validApplication()), 'utf16le')),
        headers,
      };
    },
    status: 415,
    detail: 'UTF-8',
  },
  {
    name: 'invalid UTF-8 bytes in a name',
    request: async (u) => {
      const { headers } = await asCitizen(u, {});
      const [before, after] = JSON.stringify(validApplication()).split('Erika');
      const body = Buffer.concat([
        Buffer.from(`${before}Eri`),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(`ka${after}`),
      ]);
      return { body, headers };
    },
    status: 400,
    detail: 'not valid UTF-8',
  },
  {
    name: 'a token without exp',
    request: withToken((u) => u.idp.token({ citizenAccount: citizen, expiresAt: null })),
    status: 401,
    detail: 'exp',
  },
  {
    name: 'a token living a day',
    request: withToken((u) => u.idp.token({ citizenAccount: citizen, expiresAt: now() + 86_400 })),
    status: 401,
    detail: 'lives longer',
  },
  {
    name: 'a token issued in the future to stretch its lifetime',
    request: withToken((u) =>
      u.idp.token({ citizenAccount: citizen, issuedAt: now() + 86_000, expiresAt: now() + 86_400 }),
    ),
    status: 401,
    detail: 'lives longer',
  },
  {
    name: 'a token not valid yet (nbf)',
    request: withToken((u) => u.idp.token({ citizenAccount: citizen, notBefore: now() + 600 })),
    status: 401,
    detail: 'nbf',
  },
];

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
  ...hostileTexts,
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

  it('gives German and English reasons for what the door refuses', async () => {
    const { body, headers } = await asCitizen(
      under,
      withChange((a) => (applicant(a).givenName = 'Eri\u202Eka')),
    );
    const answer = await under.post(body, headers);
    expect(answer.json.errors).toEqual([
      {
        path: '/applicant/givenName',
        reason: 'contains characters XBau does not allow here (din91379:datatypeC): U+202E',
        reasonDe: 'enthält Zeichen, die XBau hier nicht zulässt (din91379:datatypeC): U+202E',
      },
    ]);
  });
});
