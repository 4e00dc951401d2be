import { FlyError } from './errors.js';
import type { GuestFile } from './disk.js';
import { isPresent, objectsOf, stringOf, type Json } from './json.js';

/** Where every sim image keeps its static assets (a `[[statics]]` guest_path can point here). */
export const IMAGE_PUBLIC_DIR = '/app/public';

/** What "the image" ships: a small public directory naming the image, so statics can be told apart. */
export function imageFiles(image: string): GuestFile[] {
  return [
    {
      guestPath: `${IMAGE_PUBLIC_DIR}/index.html`,
      content: Buffer.from(`<!doctype html><title>runway sim</title><p>static page of ${image}</p>\n`),
    },
  ];
}

/**
 * `config.files` (fly.File) as flyd writes them at boot: `raw_value` and the named secret are both
 * base64 (the secret must be base64-encoded, as on Fly).
 */
export function configFiles(config: Json, secrets: Record<string, string>): GuestFile[] {
  return objectsOf(config.files).map((file) => {
    const guestPath = stringOf(file.guest_path) ?? '';
    const raw = stringOf(file.raw_value);
    const secretName = stringOf(file.secret_name);
    const encoded = raw ?? (secretName ? secrets[secretName] : undefined);
    if (encoded === undefined)
      throw new Error(`file ${guestPath}: ${secretName ? `secret ${secretName} is not set` : 'no content'}`);
    return { guestPath, content: Buffer.from(encoded, 'base64') };
  });
}

/** The parts of `config.files` flyd refuses up front. */
export function validateFiles(config: Json): void {
  if (config.files === undefined || config.files === null) return;
  if (!Array.isArray(config.files)) throw new FlyError(400, 'invalid machine config: files must be an array');
  for (const file of objectsOf(config.files)) {
    const path = stringOf(file.guest_path);
    if (!path?.startsWith('/'))
      throw new FlyError(400, 'invalid machine config: files.guest_path must be an absolute path');
    const sources = [file.raw_value, file.secret_name, file.image_config].filter(isPresent).length;
    if (sources !== 1)
      throw new FlyError(
        400,
        `invalid machine config: file ${path} needs exactly one of raw_value, secret_name`,
      );
  }
}

/** `config.statics` (fly.Static): URL prefix → directory in the guest, as the proxy serves them. */
export function staticsOf(config: Json): { urlPrefix: string; guestPath: string; index?: string }[] {
  return objectsOf(config.statics).flatMap((s) => {
    const urlPrefix = stringOf(s.url_prefix);
    const guestPath = stringOf(s.guest_path);
    return urlPrefix && guestPath ? [{ urlPrefix, guestPath, index: stringOf(s.index_document) }] : [];
  });
}
