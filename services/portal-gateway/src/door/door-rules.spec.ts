import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { RoutingTable, type Route } from '@hub/routing';
import { loadXbauTextTypes } from '@hub/xoev';
import { submitApplicationRequest } from '../http/submit-application.request.js';
import { validApplication } from '../../test/fixtures.js';
import { attachmentOrigins, attachmentRefusals } from './attachment-refusals.js';
import { doorRefusals } from './door-refusals.js';
import { feeMismatch } from './fee-mismatch.js';
import { normaliseTexts } from './normalise-texts.js';
import { textMisfits } from './text-misfits.js';

const deployed = RoutingTable.fromFile(
  fileURLToPath(import.meta.resolve('@hub/deploy-config/routing-table.json')),
);
/** Dortmund's building permit as deployed: a fee of 250.00 EUR, XBau 2.5 then 2.6. */
const route: Route = deployed.find('99010003001000', '05913000') ?? fail();

/** Given: the valid fixture with `change` applied, parsed and normalised as the door does. */
function application(change: (raw: Record<string, unknown>) => void = () => undefined) {
  const raw = validApplication();
  change(raw);
  return normaliseTexts(submitApplicationRequest.parse(raw));
}
function fail(): never {
  throw new TypeError('the deployed routing table has no such Dortmund route');
}
const attachment = (raw: Record<string, unknown>) =>
  (raw.attachments as Record<string, unknown>[])[0] as Record<string, unknown>;

describe('feeMismatch', () => {
  it('accepts no fee or the route’s fee, however written', () => {
    expect(
      feeMismatch(
        application((a) => delete a.fee),
        route,
      ),
    ).toEqual([]);
    expect(
      feeMismatch(
        application((a) => (a.fee = { amount: '0250.00', currency: 'EUR' })),
        route,
      ),
    ).toEqual([]);
  });

  it('refuses another amount at /fee/amount and any fee on a free route at /fee', () => {
    const cheaper = application((a) => (a.fee = { amount: '0.00', currency: 'EUR' }));
    expect(feeMismatch(cheaper, route).map((error) => error.path)).toEqual(['/fee/amount']);
    expect(feeMismatch(application(), { ...route, fee: null }).map((e) => e.path)).toEqual([
      '/fee',
    ]);
  });
});

describe('attachmentRefusals', () => {
  const origins = attachmentOrigins(' dms://uploads/ , https://dms.stadt.example ');

  it.each([
    ['dms://uploads/5b1e1f0a', true],
    ['https://dms.stadt.example/a/b.png', true],
    ['HTTPS://DMS.STADT.EXAMPLE/a', true],
    ['file:///etc/passwd', false],
    ['http://169.254.169.254/latest/meta-data/', false],
    ['https://127.0.0.1/x', false],
    ['https://dms.stadt.example@evil.example/x', false],
    ['https://user:pw@dms.stadt.example/x', false],
    ['http://dms.stadt.example/x', false],
    ['not a uri', false],
  ])('storageUri %s accepted: %s', (storageUri, accepted) => {
    const refusals = attachmentRefusals(
      application((a) => (attachment(a).storageUri = storageUri)),
      origins,
    );
    expect(refusals.length === 0).toBe(accepted);
  });

  it.each(['../plan.png', 'a/b.png', 'a\\b.png', '.htaccess', 'plan..png'])(
    'refuses the path-like file name %j',
    (fileName) => {
      const refusals = attachmentRefusals(
        application((a) => (attachment(a).fileName = fileName)),
        origins,
      );
      expect(refusals.map((error) => error.path)).toEqual(['/attachments/0/fileName']);
    },
  );
});

describe('textMisfits', () => {
  const types = loadXbauTextTypes();

  it('finds nothing in a valid application with DIN 91379 names', () => {
    const valid = application((a) => {
      (a.applicant as Record<string, unknown>).familyName = 'Łukasiewicz-Müller';
    });
    expect(textMisfits(valid, route, types)).toEqual([]);
  });

  it('checks a file name against Dateiname only where the route may use XBau 2.6', () => {
    const spaced = application((a) => (attachment(a).fileName = 'Lageplan ohne Endung'));
    const onlyOld = { ...route, versions: { '2024-01-01': '2.5' } };
    expect(textMisfits(spaced, onlyOld, types)).toEqual([]);
    expect(textMisfits(spaced, route, types).map((error) => error.path)).toEqual([
      '/attachments/0/fileName',
    ]);
  });
});

describe('doorRefusals', () => {
  const rules = {
    textTypes: loadXbauTextTypes(),
    attachmentOrigins: attachmentOrigins('dms://uploads/'),
  };
  /** Dortmund's "Trinkwasseruntersuchung beantragen": XWasser, free of charge. */
  const water: Route = deployed.find('99108016000000', '05913000') ?? fail();
  const order = (raw: Record<string, unknown>) => {
    raw.attachments = [];
    raw.formFields = [{ key: 'probennahme.entnahmestelle', value: 'Küche, Erdgeschoss' }];
    delete raw.fee;
  };

  it('asks XBau’s attachment of building routes only: a water order has no building plans', () => {
    expect(doorRefusals(application(order), water, rules)).toEqual([]);
    expect(doorRefusals(application(order), route, rules).map((error) => error.path)).toContain(
      '/attachments',
    );
  });

  it('still asks what the water route needs', () => {
    const unsaid = application((raw) => {
      order(raw);
      raw.formFields = [];
    });
    expect(doorRefusals(unsaid, water, rules)).toEqual([
      { path: '/formFields', reason: 'needs an answer for probennahme.entnahmestelle' },
    ]);
  });
});
