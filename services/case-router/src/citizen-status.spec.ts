import { describe, expect, it } from 'vitest';
import { citizenStatusForXbau } from './citizen-status.js';

describe('citizenStatusForXbau', () => {
  it.each([
    ['14', 'Quittierung: Eingang Vorgang', 'RECEIVED', false],
    ['17', 'Unterlagen nachgefordert', 'ACTION_REQUIRED', true],
    ['18', 'Unterlagen vollständig', 'PROCESSING', false],
    ['10', 'Bescheid erteilt', 'COMPLETED', false],
    ['04', 'Antrag abgelehnt', 'REJECTED', false],
    ['23', 'Vorgang zurückgezogen', 'CANCELLED', false],
    ['99', 'ein künftiger Code', 'PROCESSING', false],
    ['RECEIPT', 'Eingangsbestätigung', 'RECEIVED', false],
    ['CASE_NUMBER', 'Aktenzeichen BA-2026-0815', 'PROCESSING', false],
  ])('maps code %s (%s) to %s', (code, text, state, actionRequired) => {
    const status = citizenStatusForXbau(code, text);
    expect(status).toMatchObject({ state, actionRequired });
    expect(status.statusText).toContain(text);
  });
});
