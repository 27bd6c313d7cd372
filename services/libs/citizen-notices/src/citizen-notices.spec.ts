import { describe, expect, it } from 'vitest';
import { procedureKind } from '@hub/contracts';
import { citizenStatusForProcedure, drinkingWaterResult } from './citizen-notices.js';

describe('citizenStatusForProcedure, reading the XBau table of the catalogue', () => {
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
    const status = citizenStatusForProcedure(procedureKind('xbau'), code, text);
    expect(status).toMatchObject({ state, actionRequired });
    expect(status.statusText).toBe(`Bauaufsicht: ${text}`);
  });

  it('says who speaks and what to do by the procedure kind, not by code', () => {
    const water = {
      authorityLabel: 'Wasserbehörde',
      citizenStates: { W7: 'ACTION_REQUIRED' as const },
    };
    expect(citizenStatusForProcedure(water, 'W7', 'Unterlagen fehlen')).toEqual({
      state: 'ACTION_REQUIRED',
      statusText: 'Wasserbehörde: Unterlagen fehlen',
      actionRequired: true,
      actionText:
        'Bitte beachten Sie die Nachricht der Wasserbehörde in Ihrem Postfach und reichen Sie das Verlangte ein.',
    });
  });
});

describe('drinkingWaterResult', () => {
  it.each([
    [[], 'Ihre Wasserprobe entspricht den Anforderungen der Trinkwasserverordnung.'],
    [['Blei'], 'Grenzwert für Blei überschritten; das Gesundheitsamt meldet sich bei Ihnen.'],
    [
      ['Blei', 'Nitrat', 'Blei', 'Arsen'],
      'Grenzwerte für Blei, Nitrat und Arsen überschritten; das Gesundheitsamt meldet sich bei Ihnen.',
    ],
  ])('tells the citizen the result of %o, completing the case', (exceeded, text) => {
    expect(drinkingWaterResult(exceeded)).toEqual({
      state: 'COMPLETED',
      statusText: text,
      actionRequired: false,
      actionText: null,
    });
  });
});
