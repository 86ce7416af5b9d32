import { getResolution } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellsOf, coveringCells, haversineKm, MAX_RADIUS_KM, type LatLng } from './geo.js';

/** The point `distanceKm` from `from` in the direction `bearingDeg`, on a sphere. */
function destination(from: LatLng, distanceKm: number, bearingDeg: number): LatLng {
  const R = 6371.0088;
  const d = distanceKm / R;
  const b = (bearingDeg * Math.PI) / 180;
  const lat1 = (from.latitude * Math.PI) / 180;
  const lng1 = (from.longitude * Math.PI) / 180;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 =
    lng1 +
    Math.atan2(
      Math.sin(b) * Math.sin(d) * Math.cos(lat1),
      Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
    );
  return {
    latitude: (lat2 * 180) / Math.PI,
    longitude: (((lng2 * 180) / Math.PI + 540) % 360) - 180,
  };
}

describe(haversineKm.name, () => {
  it('measures great-circle distances', () => {
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    const lyon = { latitude: 45.764, longitude: 4.8357 };
    expect(haversineKm(paris, lyon)).toBeCloseTo(391.5, 0);
    expect(haversineKm(paris, paris)).toBe(0);
  });
});

describe(coveringCells.name, () => {
  const centers: LatLng[] = [
    { latitude: 48.8566, longitude: 2.3522 }, // Paris
    { latitude: 64.1466, longitude: -21.9426 }, // Reykjavik: cells distort at high latitude
    { latitude: -33.8688, longitude: 151.2093 }, // Sydney
    { latitude: 0.5, longitude: 179.99 }, // the antimeridian
  ];

  it.each([0.3, 1, 5, 20, 60, MAX_RADIUS_KM])(
    'holds every point within %s km of the center',
    (radiusKm) => {
      for (const center of centers) {
        const { resolution, cells } = coveringCells(center, radiusKm);
        const disk = new Set(cells);
        for (let bearing = 0; bearing < 360; bearing += 7.5) {
          for (const fraction of [0.25, 0.6, 0.9, 0.999]) {
            const p = destination(center, radiusKm * fraction, bearing);
            // What a boutique at p stores at the query's resolution: its cell's ancestor.
            const stored = cellsOf(p).h3Cells.find((cell) => getResolution(cell) === resolution);
            expect(
              stored && disk.has(stored),
              `${radiusKm} km from ${JSON.stringify(center)}`,
            ).toBe(true);
          }
        }
      }
    },
  );

  it('keeps the number of cells of a query small', () => {
    for (const radiusKm of [0.5, 3, 10, 50, MAX_RADIUS_KM]) {
      expect(coveringCells(centers[0], radiusKm).cells.length).toBeLessThanOrEqual(469);
    }
  });
});
