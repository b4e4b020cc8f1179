/**
 * Longitude into [-180, 180]. A map that wraps the world horizontally can
 * report 483.9° for a point one world to the east; people expect 123.9°.
 * Its own module: the permalink (loaded with the map) and the coordinate
 * read-outs (loaded on demand) both use it.
 */
export function normalizeLon(lon: number): number {
  if (lon >= -180 && lon <= 180) return lon;
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}
