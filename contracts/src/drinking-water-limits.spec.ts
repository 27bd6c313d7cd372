import { describe, expect, it } from 'vitest';
import { drinkingWaterLimits, drinkingWaterLimitVersions } from './drinking-water-limits.js';

describe('drinking-water limit tables', () => {
  it.each(drinkingWaterLimitVersions())(
    '%s is a valid table of the SHAPTH parameter list',
    (version) => {
      const table = drinkingWaterLimits(version);
      expect(table.version).toBe(version);
      expect(table.parameterList.uri).toBe('urn:xoev-de:xwasser:codeliste:shapth-parameter');
      expect(table.limits.length).toBeGreaterThan(0);
    },
  );

  it('names the TrinkwV 2023 lead limit of 0.010 mg/l with its provision', () => {
    const lead = drinkingWaterLimits('trinkwv-2023.1').limits.find(
      (limit) => limit.name === 'Blei',
    );
    expect(lead).toMatchObject({
      limit: 0.01,
      unit: 'mg/l',
      source: 'TrinkwV 2023 Anlage 2 Teil II',
    });
  });

  it('refuses a version that is not in contracts/limits', () => {
    expect(() => drinkingWaterLimits('trinkwv-1990')).toThrow(
      /No drinking-water limit table trinkwv-1990.*trinkwv-2023\.1/,
    );
  });
});
