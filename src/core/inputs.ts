import { InputError } from './errors.js';
import { parseDuration } from './duration.js';
import { scrub } from './secrets.js';

/** Where raw input text comes from: `core.getInput` in an action, flags in the CLI, a map in tests. */
export type InputSource = (name: string) => string | undefined;

/**
 * Typed readers over one InputSource. Every reader names the input in its error and says what a good
 * value looks like, so a mistake is a one-line fix that fails before any API call.
 */
export class InputReader {
  constructor(private readonly source: InputSource) {}

  raw(name: string): string | undefined {
    const value = this.source(name);
    if (value === undefined) return undefined;
    checkLength(name, value, MAX_INPUT_LENGTH);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  required(name: string, example?: string): string {
    const value = this.raw(name);
    if (value === undefined) {
      throw new InputError(
        name,
        'is required but empty.',
        example ? `set it, e.g. ${name}: ${example}` : `set '${name}'.`,
      );
    }
    return value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (/^(true|yes|on|1)$/i.test(value)) return true;
    if (/^(false|no|off|0)$/i.test(value)) return false;
    throw new InputError(name, `"${value}" is not a boolean.`, 'use true or false.');
  }

  int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value))
      throw new InputError(name, `"${value}" is not a whole number.`, `use e.g. ${fallback}.`);
    return checkRange(name, Number(value), range);
  }

  number(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed))
      throw new InputError(name, `"${value}" is not a number.`, `use e.g. ${fallback}.`);
    return checkRange(name, parsed, range);
  }

  /** Milliseconds from `90s`, `5m`, `1h30m`. */
  duration(name: string, fallback: string, range: { min?: number; max?: number } = {}): number {
    const text = this.raw(name) ?? fallback;
    const ms = parseDuration(text);
    if (ms === undefined) {
      throw new InputError(
        name,
        `"${text}" is not a duration.`,
        'write a number with a unit: 500ms, 90s, 5m, 1h30m, 7d.',
      );
    }
    if (range.min !== undefined && ms < range.min)
      throw new InputError(
        name,
        `${text} is shorter than the minimum ${range.min}ms.`,
        'use a longer duration.',
      );
    if (range.max !== undefined && ms > range.max)
      throw new InputError(
        name,
        `${text} is longer than the maximum ${range.max}ms.`,
        'use a shorter duration.',
      );
    return ms;
  }

  /** A fraction from `1%`, `0.5%` or `0.01`. */
  percent(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = parsePercent(value);
    if (parsed === undefined)
      throw new InputError(
        name,
        `${shown(value)} is not a percentage from 0% to 100%.`,
        'write e.g. 1% or 0.01.',
      );
    return parsed;
  }

  /** Items separated by newlines (or commas when `commas` is set); blank lines and `#` comments dropped. */
  list(name: string, options: { commas?: boolean } = {}): string[] {
    const value = this.source(name) ?? '';
    checkLength(name, value, MAX_INPUT_LENGTH);
    const splitter = options.commas ? /[\n,]/ : /\n/;
    return value
      .split(splitter)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }

  enumOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
    if (!match)
      throw new InputError(
        name,
        `"${value}" is not one of the accepted values.`,
        `use one of: ${allowed.join(', ')}.`,
      );
    return match;
  }

  url(name: string, options: UrlRules & { required?: boolean } = {}): URL | undefined {
    const value = options.required ? this.required(name, 'https://example.fly.dev/health') : this.raw(name);
    if (value === undefined) return undefined;
    return parseUrl(name, value, options.protocols, options);
  }

  /** `NAME=VALUE` lines into a map; the value may itself contain `=`. */
  keyValues(name: string): Map<string, string> {
    const result = new Map<string, string>();
    for (const line of this.list(name)) {
      const eq = line.indexOf('=');
      if (eq <= 0)
        throw new InputError(
          name,
          `line "${line.slice(0, 40)}" is not NAME=VALUE.`,
          'write one NAME=VALUE per line.',
        );
      result.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
    }
    return result;
  }
}

/** A fraction from `1%` or `0.01`; undefined for anything else, including more than 100 %. */
export function parsePercent(text: string): number | undefined {
  const trimmed = text.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (pct) {
    const n = Number(pct[1]);
    // A rate above 100 % can never be reached, so a gate on it would pass an endpoint failing every request.
    return n <= 100 ? n / 100 : undefined;
  }
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return n <= 1 ? n : undefined;
  }
  return undefined;
}

/** No input is longer than this; anything longer is a paste gone wrong, refused before it is used. */
export const MAX_INPUT_LENGTH = 65_536;
/** Longer URLs are refused by most servers and proxies (8 KiB request line) and are never meant. */
export const MAX_URL_LENGTH = 8192;
/** Header values past this are refused by common servers (nginx: 8 KiB per header line). */
export const MAX_HEADER_LENGTH = 8192;

/** A value as it may appear in a message: quoted, control characters shown, long ones cut with their length. */
export function shown(value: string, max = 80): string {
  const visible = JSON.stringify(value.length > max ? value.slice(0, max) : value);
  return value.length > max ? `${visible.slice(0, -1)}…" (${value.length} characters)` : visible;
}

/** Refuses an absurd length before the value is used anywhere. */
export function checkLength(name: string, value: string, max: number, what = 'value'): void {
  if (value.length > max)
    throw new InputError(
      name,
      `the ${what} is ${value.length} characters long; at most ${max} is accepted.`,
      'check what was pasted into it.',
    );
}

/**
 * A header value that can be sent as it is: no CR, LF or other control characters (they would split or
 * corrupt the request, and every request would fail), and a sane length. Never echoes the value: it may
 * be a credential.
 */
export function checkHeaderValue(input: string, header: string, value: string): void {
  // Control characters are exactly what this looks for.
  // eslint-disable-next-line no-control-regex
  const bad = /[\x00-\x08\x0a-\x1f\x7f]/.exec(value);
  if (bad) {
    const what =
      bad[0] === '\r'
        ? 'a carriage return (CR)'
        : bad[0] === '\n'
          ? 'a line feed (LF)'
          : 'a control character';
    throw new InputError(
      input,
      `the value of header ${header} contains ${what}, which cannot be sent in HTTP.`,
      'remove it (a pasted Windows line ending is the usual cause).',
    );
  }
  checkLength(input, value, MAX_HEADER_LENGTH, `value of header ${header}`);
}

export interface UrlRules {
  protocols?: string[];
  /** `user:pass@` is refused unless the caller means to allow it (clients cannot send it as such). */
  credentials?: boolean;
  maxLength?: number;
}

export function parseUrl(
  name: string,
  value: string,
  protocols = ['http:', 'https:'],
  rules: UrlRules = {},
): URL {
  checkLength(name, value, rules.maxLength ?? MAX_URL_LENGTH, 'URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(
      name,
      `${shown(value)} is not a valid URL.`,
      'write an absolute URL such as https://voice-bot.fly.dev/health.',
    );
  }
  if (!protocols.includes(url.protocol)) {
    throw new InputError(
      name,
      `${shown(scrub(value))} uses ${url.protocol.replace(':', '')}, not ${protocols.map((p) => p.replace(':', '')).join(' or ')}.`,
      'use an http:// or https:// URL.',
    );
  }
  if ((url.username || url.password) && !rules.credentials) {
    throw new InputError(
      name,
      `${shown(scrub(value))} carries credentials (user:password@), which HTTP clients refuse to send from a URL.`,
      'remove them from the URL and send them as a header instead, e.g. "Authorization: Basic <base64 of user:password>".',
    );
  }
  return url;
}

function checkRange(name: string, value: number, range: { min?: number; max?: number }): number {
  if (range.min !== undefined && value < range.min)
    throw new InputError(name, `${value} is below the minimum ${range.min}.`, `use a value ≥ ${range.min}.`);
  if (range.max !== undefined && value > range.max)
    throw new InputError(name, `${value} is above the maximum ${range.max}.`, `use a value ≤ ${range.max}.`);
  return value;
}
