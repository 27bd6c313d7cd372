import { describe, expect, it } from 'vitest';
import { schemaType } from '@hub/contracts';
import type { Route } from '@hub/routing';
import { bauantrag } from '../../test/fixtures.js';
import type { BauantragEfa } from './bauantrag-efa.js';
import { leikaKeyOf } from './bauantrag-efa.js';
import { toApplicationSubmitted, type AcceptedSubmission } from './to-application-submitted.js';

const data = bauantrag({
  antragsteller: {
    vorname: ' Zoe\u0308 ',
    familienname: 'Mustermann',
    anschrift: {
      strasse: 'Friedensplatz',
      hausnummer: '1',
      postleitzahl: '44135',
      ort: 'Dortmund',
    },
  },
}) as unknown as BauantragEfa;
const submission: AcceptedSubmission = {
  submissionId: '0b7e2c55-3f4a-4d1e-9a8b-7c6d5e4f3a2b',
  serviceKey: '99010003001000',
  schemaUri: 'urn:de:fim:s17000xxx:efa-bauantrag:1.0.0',
  data,
  attachments: [],
};
const route = { fee: { amount: '250.00', currency: 'EUR' } } as Route;
const assigned = {
  applicationId: '3f0c9a52-8d1e-4b7a-9c2f-5e6d7a8b9c0d',
  submittedAt: new Date('2026-12-02T08:00:00Z'),
};

describe('a FIT-Connect submission as portal.application-submitted', () => {
  it('is a value the contract accepts, on channel FIT_CONNECT with the submission id as reference', () => {
    const event = toApplicationSubmitted(submission, route, assigned);
    expect(schemaType('portal/application-submitted').isValid(event)).toBe(true);
    expect(event).toMatchObject({
      channel: 'FIT_CONNECT',
      externalReference: submission.submissionId,
      fee: { amount: '250.00', currency: 'EUR' },
      citizenAccountRef: 'bundid-postbox-7f3a9c21',
    });
  });

  it('stores names in NFC and trimmed, and uses the portal field ids the routes require', () => {
    const event = toApplicationSubmitted(submission, route, assigned);
    expect(event.applicant.givenName).toBe('Zoë');
    expect(event.formFields.map((field) => field.key)).toEqual([
      'bauvorhaben.bezeichnung',
      'bauvorhaben.massnahme',
      'bauvorhaben.geschosse',
      'baugrundstueck.gemarkung',
      'baugrundstueck.flurstueck.zaehler',
    ]);
  });

  it.each([
    ['urn:de:fim:leika:leistung:99010003001000', '99010003001000'],
    ['urn:de:fim:leika:leistung:9901000300100', undefined],
    ['99010003001000', undefined],
  ])('reads the LeiKa key of %s', (identifier, key) => {
    expect(leikaKeyOf(identifier)).toBe(key);
  });
});
