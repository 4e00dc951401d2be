import { InputError, UserError } from '../core/errors.js';
import { parseUrl } from '../core/inputs.js';
import { parseThresholds, type Threshold } from './thresholds.js';

/** One named URL and the thresholds that apply to it alone (the `thresholds` input applies to all). */
export interface NamedTarget {
  name: string;
  url: URL;
  thresholds: Threshold[];
}

const INPUT = 'targets';
const FORMAT =
  'write one target per line: a name, the URL, then its thresholds separated by commas, e.g. ' +
  '"api https://voice-bot.fly.dev/api/health p(95)<200, rate<0.01"';
const NAME = /^[A-Za-z][\w.-]{0,39}$/;

/** The label a target from the `url` input gets: host and path, as the summary shows it. */
export function urlTargetName(url: URL): string {
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

function parseLine(line: string): NamedTarget {
  const match = /^(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(line);
  if (!match) throw new InputError(INPUT, `"${line}" has no URL after the name.`, `${FORMAT}.`);
  const [, name, urlText, rest = ''] = match;
  if (!NAME.test(name)) {
    throw new InputError(
      INPUT,
      `"${line}": "${name}" is not a target name.`,
      'start with a letter and use letters, digits, ".", "_" or "-" (up to 40), e.g. api, static, e2e, db.',
    );
  }
  const url = parseUrl(INPUT, urlText);
  let thresholds: Threshold[];
  try {
    thresholds = parseThresholds(rest).map((t) => ({ ...t, target: name }));
  } catch (error) {
    // The threshold parser names its own input; here the expression came from this target's line.
    if (!(error instanceof UserError)) throw error;
    throw new InputError(INPUT, `target "${name}": ${error.message}`, error.fix);
  }
  return { name, url, thresholds };
}

/**
 * Reads the `targets` lines (`name url thresholds…`). Names must be unique: they key the per-target
 * outputs and label the summary.
 */
export function parseTargets(lines: readonly string[]): NamedTarget[] {
  const targets = lines.map(parseLine);
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name)) {
      throw new InputError(INPUT, `the name "${t.name}" is used twice.`, 'give every target its own name.');
    }
    seen.add(t.name);
  }
  return targets;
}
