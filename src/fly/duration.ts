const GO_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds from a Go duration string (`"15s"`, `"1m30s"`, `"500ms"`), as fly.toml and the API write them. */
export function goDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (!/^((\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    total += Number(match[1]) * GO_UNITS[match[2]];
  return total;
}

/** A fly.toml check duration: a Go duration string, or a bare number of milliseconds. */
export function checkDuration(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${value}ms`;
  if (typeof value === 'string' && goDurationMs(value) !== undefined) return value;
  return undefined;
}
