import { InputError } from '../core/errors.js';

export interface Region {
  code: string;
  city: string;
  lat: number;
  lon: number;
}

/**
 * Fly's deployable regions (docs `reference/regions`, last changed 2025-10-28). Checked offline so a typo
 * fails before any API call; coordinates are only used to name the nearest live regions in errors.
 */
export const LIVE_REGIONS: readonly Region[] = [
  { code: 'ams', city: 'Amsterdam, NL', lat: 52.37, lon: 4.9 },
  { code: 'arn', city: 'Stockholm, SE', lat: 59.33, lon: 18.07 },
  { code: 'bom', city: 'Mumbai, IN', lat: 19.08, lon: 72.88 },
  { code: 'cdg', city: 'Paris, FR', lat: 48.86, lon: 2.35 },
  { code: 'dfw', city: 'Dallas, US', lat: 32.78, lon: -96.8 },
  { code: 'ewr', city: 'Secaucus NJ, US', lat: 40.79, lon: -74.06 },
  { code: 'fra', city: 'Frankfurt, DE', lat: 50.11, lon: 8.68 },
  { code: 'gru', city: 'São Paulo, BR', lat: -23.55, lon: -46.63 },
  { code: 'iad', city: 'Ashburn VA, US', lat: 39.04, lon: -77.49 },
  { code: 'jnb', city: 'Johannesburg, ZA', lat: -26.2, lon: 28.05 },
  { code: 'lax', city: 'Los Angeles, US', lat: 34.05, lon: -118.24 },
  { code: 'lhr', city: 'London, UK', lat: 51.51, lon: -0.13 },
  { code: 'nrt', city: 'Tokyo, JP', lat: 35.68, lon: 139.69 },
  { code: 'ord', city: 'Chicago, US', lat: 41.88, lon: -87.63 },
  { code: 'sin', city: 'Singapore', lat: 1.35, lon: 103.82 },
  { code: 'sjc', city: 'San Jose, US', lat: 37.34, lon: -121.89 },
  { code: 'syd', city: 'Sydney, AU', lat: -33.87, lon: 151.21 },
  { code: 'yyz', city: 'Toronto, CA', lat: 43.65, lon: -79.38 },
];

/** Codes that were once Fly regions (or are commonly mistaken for them), with why they no longer work. */
const RETIRED: Record<string, Region & { note: string }> = {
  maa: {
    code: 'maa',
    city: 'Chennai, IN',
    lat: 13.08,
    lon: 80.27,
    note: 'Chennai (maa) was retired on 2023-06-28 in favour of bom (Mumbai)',
  },
  cyn: {
    code: 'cyn',
    city: 'Chennai, IN',
    lat: 13.08,
    lon: 80.27,
    note: '"cyn" is not a Fly region code (Chennai was maa, retired on 2023-06-28 in favour of bom)',
  },
  vin: {
    code: 'vin',
    city: 'Vint Hill, US',
    lat: 38.75,
    lon: -77.67,
    note: 'vin (Vint Hill) was retired in 2021',
  },
  mrs: {
    code: 'mrs',
    city: 'Marseille, FR',
    lat: 43.3,
    lon: 5.37,
    note: 'mrs (Marseille) is no longer offered',
  },
  dxb: {
    code: 'dxb',
    city: 'Dubai, AE',
    lat: 25.2,
    lon: 55.27,
    note: 'dxb (Dubai) was an edge-only location without Machines',
  },
  ist: {
    code: 'ist',
    city: 'Istanbul, TR',
    lat: 41.01,
    lon: 28.98,
    note: 'ist (Istanbul) was an edge-only location without Machines',
  },
  mel: {
    code: 'mel',
    city: 'Melbourne, AU',
    lat: -37.81,
    lon: 144.96,
    note: 'mel (Melbourne) was an edge-only location without Machines',
  },
};

/** Removed from the public list on 2025-10-16; the API still lists them with `deprecated: true`. */
const DEPRECATED: Region[] = [
  { code: 'atl', city: 'Atlanta, US', lat: 33.75, lon: -84.39 },
  { code: 'bog', city: 'Bogotá, CO', lat: 4.71, lon: -74.07 },
  { code: 'bos', city: 'Boston, US', lat: 42.36, lon: -71.06 },
  { code: 'den', city: 'Denver, US', lat: 39.74, lon: -104.99 },
  { code: 'eze', city: 'Ezeiza, AR', lat: -34.82, lon: -58.53 },
  { code: 'gdl', city: 'Guadalajara, MX', lat: 20.67, lon: -103.35 },
  { code: 'gig', city: 'Rio de Janeiro, BR', lat: -22.91, lon: -43.17 },
  { code: 'hkg', city: 'Hong Kong', lat: 22.32, lon: 114.17 },
  { code: 'mad', city: 'Madrid, ES', lat: 40.42, lon: -3.7 },
  { code: 'mia', city: 'Miami, US', lat: 25.76, lon: -80.19 },
  { code: 'otp', city: 'Bucharest, RO', lat: 44.43, lon: 26.1 },
  { code: 'phx', city: 'Phoenix, US', lat: 33.45, lon: -112.07 },
  { code: 'qro', city: 'Querétaro, MX', lat: 20.59, lon: -100.39 },
  { code: 'scl', city: 'Santiago, CL', lat: -33.45, lon: -70.67 },
  { code: 'sea', city: 'Seattle, US', lat: 47.61, lon: -122.33 },
  { code: 'waw', city: 'Warsaw, PL', lat: 52.23, lon: 21.01 },
  { code: 'yul', city: 'Montreal, CA', lat: 45.5, lon: -73.57 },
];

export function isLiveRegion(code: string): boolean {
  return LIVE_REGIONS.some((r) => r.code === code);
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The `count` live regions closest to a point, nearest first. */
export function nearestLiveRegions(point: { lat: number; lon: number }, count = 2): Region[] {
  return [...LIVE_REGIONS].sort((a, b) => distanceKm(point, a) - distanceKm(point, b)).slice(0, count);
}

/** Why `code` cannot be deployed to and what to use instead; undefined when it is a live region. */
export function explainRegion(code: string): string | undefined {
  const normalized = code.trim().toLowerCase();
  if (isLiveRegion(normalized)) return undefined;
  const describe = (regions: Region[]) => regions.map((r) => `${r.code} (${r.city})`).join(' or ');
  const retired = RETIRED[normalized];
  if (retired)
    return `${retired.note}; the nearest live regions are ${describe(nearestLiveRegions(retired, 2))}.`;
  const deprecated = DEPRECATED.find((r) => r.code === normalized);
  if (deprecated) {
    return `${deprecated.code} (${deprecated.city}) is deprecated and no longer offered; the nearest live regions are ${describe(nearestLiveRegions(deprecated, 2))}.`;
  }
  return `"${code}" is not a Fly region; live regions are ${LIVE_REGIONS.map((r) => r.code).join(', ')}.`;
}

/** Throws an InputError naming the input when any code is not a live region. */
export function validateRegions(input: string, codes: string[]): string[] {
  const result: string[] = [];
  for (const raw of codes) {
    const code = raw.trim().toLowerCase();
    const problem = explainRegion(code);
    if (problem) {
      throw new InputError(input, problem, `use a live region code, e.g. ${nearestFix(code)}.`);
    }
    if (!result.includes(code)) result.push(code);
  }
  return result;
}

function nearestFix(code: string): string {
  const known = RETIRED[code] ?? DEPRECATED.find((r) => r.code === code);
  return known ? nearestLiveRegions(known, 1)[0].code : 'sin';
}
