import { examples, type DeliveryRequested } from '@hub/contracts';
import { XoevValidator } from '@hub/xoev';
import { afterAll, describe, expect, it } from 'vitest';
import { formFields, fromDeliveryRequested } from './from-delivery-requested.js';
import { toBaugenehmigungAntrag } from './to-baugenehmigung-antrag.js';

const base = examples['procedure/delivery-requested'];

/** Given: the contract example with the building-permit fields and a codable attachment. */
function request(overrides: Partial<DeliveryRequested['application']> = {}): DeliveryRequested {
  return {
    ...base,
    application: {
      ...base.application,
      formFields: [
        { key: formFields.title, value: 'Carport' },
        { key: formFields.measureCode, value: '10' },
        { key: formFields.district, value: '051234' },
        { key: formFields.numerator, value: '17' },
        { key: formFields.denominator, value: 2 },
        { key: 'bauvorhaben.denkmalschutz', value: false },
      ],
      attachments: base.application.attachments.map((attachment) => ({
        ...attachment,
        fileName: 'lageplan.png',
        mediaType: 'image/png',
      })),
      ...overrides,
    },
  };
}

const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});

describe('fromDeliveryRequested', () => {
  it('maps the application of a delivery request to the 0200 input', () => {
    const application = fromDeliveryRequested(request());

    expect(application).toMatchObject({
      applicationId: base.applicationId,
      municipalityKey: '05913000',
      stateKey: '05',
      applicant: {
        kind: 'person',
        givenName: 'Erika',
        familyName: 'Mustermann',
        address: { street: 'Musterstraße', houseNumber: '12a', postalCode: '44135' },
        email: 'erika@example.org',
      },
      buildingSite: { parcels: [{ districtNumber: '051234', numerator: '17', denominator: '2' }] },
      project: { title: 'Carport', measureCode: '10', numberOfBuildings: 1 },
      attachments: [
        {
          kindCode: '0000',
          mimeType: 'image/png',
          uri: 's3://hub-attachments/0b9a3c9e/lageplan.pdf',
          date: '2025-03-03',
        },
      ],
    });
    expect(application.applicant).not.toHaveProperty('phone');
  });

  it('is deterministic: the same request gives the same applicant id', () => {
    expect(fromDeliveryRequested(request()).applicant.id).toBe(
      fromDeliveryRequested(request()).applicant.id,
    );
  });

  it.each(['2.5', '2.6'] as const)(
    'yields a message that XBau %s validation accepts',
    async (xbauVersion) => {
      const xml = toBaugenehmigungAntrag(fromDeliveryRequested(request()), {
        xbauVersion,
        nachrichtenUUID: '6b1f0f0e-3c1a-5d2b-9e4f-0a1b2c3d4e5f',
        createdAt: new Date('2026-03-02T10:15:30.000Z'),
        author: { id: 'bpt:05913000', name: 'Bauportal' },
        reader: { id: 'bab:05913000', name: 'Bauaufsicht' },
        product: { name: 'integration-hub', vendor: 'integration-hub', version: '0.1.0' },
      });

      const result = await validator.validate(xml);

      expect(result.reasons).toEqual([]);
    },
  );

  it('refuses, naming every missing field but no value, what XBau requires', () => {
    const incomplete = request({
      formFields: [{ key: formFields.title, value: 'Carport' }],
      attachments: base.application.attachments.map((attachment) => ({
        ...attachment,
        mediaType: 'application/pdf',
      })),
    });

    expect(() => fromDeliveryRequested(incomplete)).toThrow(
      expect.objectContaining({
        code: 'XBAU_APPLICATION_INCOMPLETE',
        retryable: false,
        message: expect.stringMatching(
          /baugrundstueck\.gemarkung missing.*baugrundstueck\.flurstueck\.zaehler missing.*bauvorhaben\.massnahme missing.*attachments\[0\]\.mediaType application\/pdf/,
        ) as unknown,
      }) as unknown,
    );
  });
});
