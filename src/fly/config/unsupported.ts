import { InputError } from '../../core/errors.js';
import { isTable } from './problems.js';

type Table = Record<string, unknown>;

/** A fly.toml key flyctl accepts that Runway deliberately refuses, with why and what to do instead. */
export interface UnsupportedKey {
  /** The key as a user writes it in fly.toml. */
  key: string;
  /** Whether this file uses it (given the parsed TOML root). */
  usedIn: (root: Table) => boolean;
  why: string;
  fix: string;
}

/**
 * Every fly.toml key Runway refuses although flyctl accepts it. The action README's section
 * "fly.toml keys Runway does not support" lists each (a test keeps the two in step).
 */
export const UNSUPPORTED_KEYS: readonly UnsupportedKey[] = [
  {
    key: '[build.compose]',
    usedIn: (root) => isTable(root.build) && root.build.compose !== undefined,
    why: 'flyctl turns a Docker Compose file into multi-container Machines; Runway deploys one image per Machine',
    fix: 'remove [build.compose] and deploy one image (with [processes] for several commands), or deploy this app with flyctl',
  },
  {
    key: 'container',
    usedIn: (root) => root.container !== undefined,
    why: 'it picks which container of a multi-container machine_config receives the image; Runway deploys one image per Machine',
    fix: 'remove container and the containers from machine_config, or deploy this app with flyctl',
  },
  {
    key: 'machine_config containers',
    // Seen only once machine_config is read (config/machine-config-overlay.ts refuses it there).
    // Stryker disable next-line ArrowFunction: `() => undefined` is as false here, and nothing else reads it
    usedIn: () => false,
    why: 'multi-container Machines (containers / volumes in machine_config) are not deployed by Runway',
    fix: 'keep machine_config to single-image settings, or deploy this app with flyctl',
  },
];

/** Refuses, before any call, the first key of UNSUPPORTED_KEYS the file uses, naming it as written. */
export function refuseUnsupportedKeys(file: string, root: Table): void {
  for (const entry of UNSUPPORTED_KEYS) {
    if (entry.usedIn(root))
      throw new InputError(
        'config',
        `${file}: ${entry.key} is not supported by Runway: ${entry.why}.`,
        `${entry.fix}.`,
      );
  }
}

/** The refusal for a key found while converting (machine_config's containers). */
export function unsupported(file: string, key: string, where: string): InputError {
  const entry = UNSUPPORTED_KEYS.find((e) => e.key === key);
  if (!entry) throw new Error(`no UNSUPPORTED_KEYS entry for ${key}`);
  return new InputError(
    'config',
    `${file}: ${where} is not supported by Runway: ${entry.why}.`,
    `${entry.fix}.`,
  );
}
