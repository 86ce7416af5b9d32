import { cellToBoundary, cellToLatLng, cellToParent, gridDisk, latLngToCell } from 'h3-js';

/** The resolution of a boutique's stored `h3Cell` (cells of about 0.74 km²). */
export const H3_RESOLUTION = 8;
/** Resolutions whose cells are stored for "near" queries, finest first. */
export const H3_QUERY_RESOLUTIONS = [8, 7, 6, 5] as const;
/** The widest "near" search; at resolution 5 it takes about 400 cells. */
export const MAX_RADIUS_KM = 100;
/** A query uses the finest resolution whose disk needs at most this many rings. */
const MAX_RINGS = 12;
/** Margin for the distortion of H3 cells across the disk. */
const SAFETY = 1.1;

export interface LatLng {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** What a boutique stores of its location: its cell and that cell's ancestors used by queries. */
export function cellsOf(point: LatLng): { h3Cell: string; h3Cells: string[] } {
  const h3Cell = latLngToCell(point.latitude, point.longitude, H3_RESOLUTION);
  return {
    h3Cell,
    h3Cells: H3_QUERY_RESOLUTIONS.map((res) =>
      res === H3_RESOLUTION ? h3Cell : cellToParent(h3Cell, res),
    ),
  };
}

function centerOf(cell: string): LatLng {
  const [latitude, longitude] = cellToLatLng(cell);
  return { latitude, longitude };
}

/**
 * The rings of H3 cells around `center` that hold every point within `radiusKm` of it, at the
 * finest resolution that needs at most MAX_RINGS rings.
 *
 * A boutique at p stores, at a coarse resolution, the parent of its resolution-8 cell. H3 is not
 * exactly hierarchical: that parent may not contain p, but its center c' is within 2e of p (e: the
 * cell's circumradius; the children overhang their parent by less than e). So when p is within r
 * of the center q, whose own cell has its center c within e of q, |c - c'| ≤ r + 3e. A cell k rings
 * away has its center at least k·s·√3/2 from c (s: the distance between neighbouring centers), so
 * k = ⌈(r + 3e) / (s·√3/2)⌉ rings are enough; e and s are measured on the cell itself, plus a
 * margin for the distortion of cells across the disk.
 */
export function coveringCells(
  center: LatLng,
  radiusKm: number,
): { resolution: number; cells: string[] } {
  let chosen: { resolution: number; cells: string[] } | undefined;
  for (const resolution of H3_QUERY_RESOLUTIONS) {
    const origin = latLngToCell(center.latitude, center.longitude, resolution);
    const c = centerOf(origin);
    const circumradius = Math.max(
      ...cellToBoundary(origin).map(([latitude, longitude]) =>
        haversineKm(c, { latitude, longitude }),
      ),
    );
    const spacing = Math.min(
      ...gridDisk(origin, 1)
        .filter((cell) => cell !== origin)
        .map((cell) => haversineKm(c, centerOf(cell))),
    );
    const rings = Math.max(
      1,
      Math.ceil((SAFETY * (radiusKm + 3 * circumradius)) / ((spacing * Math.sqrt(3)) / 2)),
    );
    chosen = { resolution, cells: gridDisk(origin, rings) };
    if (rings <= MAX_RINGS) return chosen;
  }
  return chosen!;
}
