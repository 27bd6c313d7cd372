import { describe, expect, it } from 'vitest';
import { schemaType } from '@hub/contracts';
import { submitApplicationRequest } from '../http/submit-application.request.js';
import { toApplicationSubmitted } from './to-application-submitted.js';
import { validApplication } from '../../test/fixtures.js';

describe('toApplicationSubmitted', () => {
  const assigned = {
    applicationId: '3f0c9a52-8d1e-4b7a-9c2f-5e6d7a8b9c0d',
    submittedAt: new Date('2026-11-24T08:00:00Z'),
  };

  it('gives a value the contract accepts, with absent optional fields as null', () => {
    const request = submitApplicationRequest.parse(validApplication());
    const event = toApplicationSubmitted(request, assigned);
    expect(schemaType('portal/application-submitted').isValid(event)).toBe(true);
    expect(event.applicant.phone).toBeNull();
    expect(event.fee).toEqual({ amount: '250.00', currency: 'EUR' });
    expect(event.channel).toBe('PORTAL');
    expect(event.externalReference).toBeNull();
  });

  it('round-trips through the Avro encoding unchanged', () => {
    const type = schemaType('portal/application-submitted');
    const event = toApplicationSubmitted(
      submitApplicationRequest.parse(validApplication()),
      assigned,
    );
    expect(type.fromBuffer(type.toBuffer(event))).toEqual(event);
  });
});
