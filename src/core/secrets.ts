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

export function scrub(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join('***');
  }
  return result;
}

export function registeredSecretCount(): number {
  return registered.size;
}
