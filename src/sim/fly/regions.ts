/**
 * Fly.io regions as of the 2025-10 docs list (shared/reference/fly.md §4): 18 live codes, plus the
 * codes removed on 2025-10-16, which `/platform/regions` still returns flagged `deprecated: true`.
 * `maa` (Chennai, removed 2023) and `cyn` (never a Fly code) are not listed and are rejected.
 */
export interface RegionRow {
  code: string;
  name: string;
  deprecated: boolean;
  gateway_available: boolean;
  geo_region: string;
  requires_paid_plan: boolean;
  latitude: number;
  longitude: number;
}

type Seed = [code: string, name: string, geo: string, lat: number, lon: number];

const LIVE: Seed[] = [
  ['ams', 'Amsterdam, Netherlands', 'Europe', 52.37, 4.9],
  ['arn', 'Stockholm, Sweden', 'Europe', 59.65, 17.93],
  ['bom', 'Mumbai, India', 'Asia Pacific', 19.09, 72.87],
  ['cdg', 'Paris, France', 'Europe', 48.86, 2.35],
  ['dfw', 'Dallas, Texas (US)', 'North America', 32.78, -96.8],
  ['ewr', 'Secaucus, NJ (US)', 'North America', 40.79, -74.06],
  ['fra', 'Frankfurt, Germany', 'Europe', 50.11, 8.68],
  ['gru', 'Sao Paulo, Brazil', 'South America', -23.55, -46.63],
  ['iad', 'Ashburn, Virginia (US)', 'North America', 39.04, -77.49],
  ['jnb', 'Johannesburg, South Africa', 'Africa', -26.2, 28.05],
  ['lax', 'Los Angeles, California (US)', 'North America', 33.94, -118.41],
  ['lhr', 'London, United Kingdom', 'Europe', 51.51, -0.13],
  ['nrt', 'Tokyo, Japan', 'Asia Pacific', 35.62, 139.78],
  ['ord', 'Chicago, Illinois (US)', 'North America', 41.89, -87.63],
  ['sin', 'Singapore, Singapore', 'Asia Pacific', 1.35, 103.99],
  ['sjc', 'San Jose, California (US)', 'North America', 37.35, -121.96],
  ['syd', 'Sydney, Australia', 'Asia Pacific', -33.87, 151.21],
  ['yyz', 'Toronto, Canada', 'North America', 43.64, -79.39],
];

const DEPRECATED: Seed[] = [
  ['atl', 'Atlanta, Georgia (US)', 'North America', 33.64, -84.43],
  ['bog', 'Bogotá, Colombia', 'South America', 4.7, -74.15],
  ['bos', 'Boston, Massachusetts (US)', 'North America', 42.37, -71.01],
  ['den', 'Denver, Colorado (US)', 'North America', 39.74, -104.99],
  ['eze', 'Ezeiza, Argentina', 'South America', -34.82, -58.54],
  ['gdl', 'Guadalajara, Mexico', 'North America', 20.52, -103.31],
  ['gig', 'Rio de Janeiro, Brazil', 'South America', -22.81, -43.25],
  ['hkg', 'Hong Kong, Hong Kong', 'Asia Pacific', 22.25, 114.2],
  ['mad', 'Madrid, Spain', 'Europe', 40.42, -3.7],
  ['mia', 'Miami, Florida (US)', 'North America', 25.79, -80.29],
  ['otp', 'Bucharest, Romania', 'Europe', 44.43, 26.1],
  ['phx', 'Phoenix, Arizona (US)', 'North America', 33.45, -112.07],
  ['qro', 'Querétaro, Mexico', 'North America', 20.62, -100.19],
  ['scl', 'Santiago, Chile', 'South America', -33.45, -70.67],
  ['sea', 'Seattle, Washington (US)', 'North America', 47.6, -122.33],
  ['waw', 'Warsaw, Poland', 'Europe', 52.16, 20.97],
  ['yul', 'Montreal, Canada', 'North America', 45.49, -73.59],
];

/** Regions without a WireGuard gateway (fly.md §4). */
const NO_GATEWAY = new Set(['gru', 'jnb']);

function row([code, name, geo, lat, lon]: Seed, deprecated: boolean): RegionRow {
  return {
    code,
    name,
    deprecated,
    gateway_available: !deprecated && !NO_GATEWAY.has(code),
    geo_region: geo,
    requires_paid_plan: false,
    latitude: lat,
    longitude: lon,
  };
}

export const REGIONS: RegionRow[] = [
  ...LIVE.map((s) => row(s, false)),
  ...DEPRECATED.map((s) => row(s, true)),
];
export const LIVE_REGION_CODES: string[] = LIVE.map(([code]) => code);
/** What the sim answers as `nearest` and where a Machine created without a region lands. */
export const NEAREST_REGION = 'iad';

/** Undefined when the code is a live region; otherwise the one-line reason the API gives. */
export function regionProblem(code: string): string | undefined {
  const normalized = code.trim().toLowerCase();
  if (LIVE_REGION_CODES.includes(normalized)) return undefined;
  if (DEPRECATED.some(([c]) => c === normalized)) {
    return `region '${code}' is deprecated and no longer accepts new Machines; choose one of: ${LIVE_REGION_CODES.join(', ')}`;
  }
  return `invalid region '${code}': not a Fly.io region; choose one of: ${LIVE_REGION_CODES.join(', ')}`;
}
