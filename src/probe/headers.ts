import { InputError } from '../core/errors.js';
import { registerSecret } from '../core/secrets.js';

const SECRET_NAME = /authorization|cookie|token|secret|api-?key|password|credential/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_NAME.test(name);
}

export interface ParsedHeaders {
  headers: Record<string, string>;
  /** Names whose values were registered as secrets and are shown as `***`. */
  secretNames: string[];
}

/**
 * `Name: value` lines (curl's -H form). Values of credential-looking headers are registered as
 * secrets before anything else happens, so they are masked in the log and scrubbed from the summary,
 * outputs and report; for `Bearer <token>` the bare token is registered too.
 */
export function parseHeaders(text: string, input = 'headers'): ParsedHeaders {
  const headers: Record<string, string> = {};
  const secretNames: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // Never echo the line: it may hold a credential.
      throw new InputError(
        input,
        `a line is not "Name: value" (header name "${name.slice(0, 30).replace(/[^\w-]/g, '?')}" is not valid).`,
        'write one header per line, e.g. "Accept: application/json".',
      );
    }
    const value = line.slice(colon + 1).trim();
    if (isSecretHeader(name)) {
      registerSecret(value);
      const scheme = /^(?:bearer|basic|token)\s+(.+)$/i.exec(value);
      if (scheme) registerSecret(scheme[1]);
      secretNames.push(name);
    }
    headers[name.toLowerCase()] = value;
  }
  return { headers, secretNames };
}
