import { ApiError } from './errors.js';
import { redactUrl, scrub } from './secrets.js';

/**
 * An answer that is not what the service promises (HTML where JSON was due, a field missing, a body cut
 * off). Never retried and never acted on: the message names the service, the URL without secrets,
 * what was expected and the first bytes of what came.
 */
export class ContractError extends ApiError {
  constructor(
    readonly service: string,
    readonly url: string,
    readonly expected: string,
    readonly got: string,
    status: number,
  ) {
    super(
      `${service} at ${redactUrl(url)} did not answer as expected: wanted ${expected}, got ${scrub(got)}.`,
      status,
      scrub(got),
    );
    this.name = 'ContractError';
  }
}

/** The first bytes of a body, on one line, for a message: enough to recognise a captive portal or a proxy page. */
export function firstBytes(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return 'an empty body';
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

/** How a response looked, for ContractError's "got": status, content type and first bytes. */
export function describeAnswer(status: number, contentType: string | undefined, text: string): string {
  return `HTTP ${status} ${contentType || '(no content type)'} ${firstBytes(text)}`;
}

export function isJsonContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** Ids are at most this long at every service we call (Fly Machine ids are 14, Cloudflare ids 32). */
const MAX_ID_LENGTH = 256;
const URL_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]*$/;

/**
 * The one gate for a value going into a URL path: present, a string, URL-safe and of sane length. A
 * request never carries `undefined`, and an id can never be empty (which would address the collection).
 */
export function pathId(kind: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH || !URL_SAFE_ID.test(value)) {
    const shown = typeof value === 'string' ? firstBytes(value, 40) : String(value);
    throw new ContractError(
      'Runway',
      `(${kind})`,
      `a non-empty, URL-safe ${kind} to put in the request path`,
      shown,
      0,
    );
  }
  return value;
}

type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'string?'
  | 'number?'
  | 'boolean?'
  | 'object?'
  | 'array?';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Checks that `value` is an object with the given fields of the given types (`?` = may be absent or
 * null); returns the first problem as text, or undefined. Non-empty strings only for required strings.
 */
export function checkFields(
  value: unknown,
  fields: Record<string, Shape>,
  where = 'the body',
): string | undefined {
  if (typeOf(value) !== 'object') return `${where} to be a JSON object (it is ${typeOf(value)})`;
  const record = value as Record<string, unknown>;
  for (const [field, shape] of Object.entries(fields)) {
    const optional = shape.endsWith('?');
    const want = shape.replace('?', '');
    const present = record[field];
    if (present === undefined || present === null) {
      if (optional) continue;
      return `${where} to have "${field}" (${want})`;
    }
    if (typeOf(present) !== want) return `${where}."${field}" to be ${want} (it is ${typeOf(present)})`;
    if (want === 'string' && !optional && present === '') return `${where}."${field}" to be non-empty`;
  }
  return undefined;
}

/** Every element of an array checked with checkFields; the first problem, or undefined. */
export function checkEach(value: unknown, fields: Record<string, Shape>, what: string): string | undefined {
  if (!Array.isArray(value)) return `a JSON array of ${what} (it is ${typeOf(value)})`;
  for (const [i, item] of value.entries()) {
    const problem = checkFields(item, fields, `${what}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}
