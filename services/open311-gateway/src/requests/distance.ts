const earthRadiusMetres = 6_371_000;

export interface Point {
  readonly lat: number;
  readonly long: number;
}

/** Great-circle distance (haversine); exact enough at the tens of metres duplicates are about. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * earthRadiusMetres * Math.asin(Math.sqrt(h));
}

/** A latitude/longitude box around `centre` that contains every point within `metres`. */
export function boundingBox(centre: Point, metres: number): { min: Point; max: Point } {
  const dLat = metres / 111_320;
  const dLong = metres / (111_320 * Math.max(0.01, Math.cos((centre.lat * Math.PI) / 180)));
  return {
    min: { lat: centre.lat - dLat, long: centre.long - dLong },
    max: { lat: centre.lat + dLat, long: centre.long + dLong },
  };
}
