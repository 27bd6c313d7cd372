import { describe, expect, it } from 'vitest';
import { boundingBox, distanceMetres } from './distance.js';

const bonnMarkt = { lat: 50.7353, long: 7.1022 };

describe('distanceMetres', () => {
  it('measures 25 m north as 25 m', () => {
    expect(
      distanceMetres(bonnMarkt, { lat: bonnMarkt.lat + 25 / 111_195, long: bonnMarkt.long }),
    ).toBeCloseTo(25, 0);
  });

  it('keeps every point within the radius inside the bounding box', () => {
    const box = boundingBox(bonnMarkt, 25);
    const east = { lat: bonnMarkt.lat, long: bonnMarkt.long + 0.00035 };
    expect(distanceMetres(bonnMarkt, east)).toBeLessThan(25);
    expect(east.long).toBeLessThan(box.max.long);
  });
});
