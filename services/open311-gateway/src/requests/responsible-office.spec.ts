import { describe, expect, it } from 'vitest';
import { officeAreasSchema, responsibleOffice } from './responsible-office.js';

const areas = officeAreasSchema.parse([
  {
    name: 'Rheinaue',
    centre: { lat: 50.7137, long: 7.1503 },
    radiusMetres: 800,
    offices: { gruenflaeche: 'Grünflächenamt – Rheinauenpark', spielplatz: 'Rheinauen-Stiftung' },
  },
]);
const inThePark = { lat: 50.7151, long: 7.1489 };
const downtown = { lat: 50.7353, long: 7.1022 };

describe('responsibleOffice', () => {
  it('takes the area’s office for a category it names, at a point inside it', () => {
    expect(responsibleOffice('spielplatz', inThePark, areas)).toBe('Rheinauen-Stiftung');
  });

  it('falls back to the category’s office outside the area, for other categories, and without a point', () => {
    expect(responsibleOffice('spielplatz', downtown, areas)).toBe('Grünflächenamt – Spielplätze');
    expect(responsibleOffice('kanal', inThePark, areas)).toBe('Stadtentwässerung');
    expect(responsibleOffice('spielplatz', undefined, areas)).toBe('Grünflächenamt – Spielplätze');
  });

  it('refuses an area without a radius', () => {
    expect(() =>
      officeAreasSchema.parse([{ name: 'x', centre: { lat: 50, long: 7 }, offices: {} }]),
    ).toThrow(/radiusMetres/);
  });
});
