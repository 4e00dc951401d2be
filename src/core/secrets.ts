import { EOL } from 'node:os';

const registered = new Set<string>();

/**
 * Masks a secret in the runner log and remembers it so our own errors, outputs and summaries can be
 * scrubbed too: the runner only redacts its log, not the files we write. Derived forms (the
 * `Bearer …` header, base64) are registered as well because masking is by exact substring.
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 4) return;
  for (const form of [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]) {
    if (!registered.has(form)) {
      registered.add(form);
      // `core.setSecret`, written out: this module loads before the toolkit does (core/step.ts).
      process.stdout.write(
        `::add-mask::${form.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${EOL}`,
      );
    }
  }
}

/** `scheme://user:password@` and `scheme://token@`: the password (or a lone user, often a token) is secret. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"'<>]*)(?::([^\s/?#@"'<>]*))?@/gi;
/** Query parameters that carry credentials by name (`?token=`, `&api_key=`, `X-Amz-Signature=`...). */
const SECRET_QUERY =
  /([?&;](?:[\w.-]*[_.-])?(?:token|key|apikey|secret|password|passwd|pwd|sig|signature|auth|credential|session)=)[^&#\s"'<>]+/gi;
/** An echoed credential header (`authorization: Bearer …`, `"x-api-key":"…"`) in a server's answer. */
const SECRET_HEADER =
  /((?:proxy-)?authorization|x-api-key|x-auth-token|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?:(Bearer|token|Basic|FlyV1|Digest)\s+)?[^"'\s,}\]]+/gi;

/**
 * Replaces every registered secret, and anything shaped like a credential even if nobody registered it
 * (URL passwords, token query parameters, echoed auth headers), with `***`.
 */
export function scrub(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join('***');
  }
  return result
    .replace(URL_CREDENTIALS, (_m, scheme: string, user: string, password: string | undefined) =>
      password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`,
    )
    .replace(SECRET_QUERY, '$1***')
    .replace(SECRET_HEADER, (_m, name: string, sep: string, scheme: string | undefined) =>
      scheme ? `${name}${sep}${scheme} ***` : `${name}${sep}***`,
    );
}

/** A URL as it may appear in a message: credentials and token-like query values replaced by `***`. */
export function redactUrl(url: string | URL): string {
  return scrub(typeof url === 'string' ? url : url.href);
}

let installed = false;

/**
 * Every line the step writes passes through `scrub`, so a message that forgot to scrub (a library's
 * error, a server's echo) still cannot carry a secret into the log, which the `runway` CLI and
 * anything else reading it see unmasked. `::add-mask::` commands pass untouched: they carry the
 * secret to the runner on purpose.
 */
export function installLogScrubber(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return write(chunk, ...rest);
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const clean = text
        .split('\n')
        .map((line) => (line.startsWith('::add-mask::') ? line : scrub(line)))
        .join('\n');
      return write(clean, ...rest);
    }) as typeof stream.write;
  }
}
