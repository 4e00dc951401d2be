import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readActionMetadata, repoRoot } from '../harness/metadata.js';
import { runBundle } from '../harness/run-bundle.js';
import { decodeEntities, LogRenderer } from '../harness/log-renderer.js';

/** The apps `runway sim` starts when none are named (src/sim/fly/cli.ts DEFAULT_SIM_APPS). */
const DEFAULT_APPS = 'voice-bot-staging voice-bot';

const USAGE = `runway — ship a web app to Fly.io without fear

Usage:
  runway <action> [--<input> <value>]...   run an action's built bundle exactly as the runner does
  runway <action> --help                   list the action's inputs and outputs
  runway doctor --app A [--doctor-fix none|auto|finish|revert]
                                           what an unfinished rollout left on a Fly app, the repair
                                           plan, and the repair when asked (fly-deploy mode: doctor)
  runway sim [app...]                      start the local Fly Machines simulator; prints one JSON line
  runway sim --help                        the simulator's options, image behaviours and faults
  runway rehearse [--keep] [--only s,...] [--report-dir DIR]
                                           the full pipeline rehearsal against local stand-ins (npm start);
                                           --only runs some sections (github, fly, probe, backup, promote, dns)

Actions: ${listActions().join(', ')}
Flags: --env NAME=VALUE passes an environment variable; --verbose shows debug lines; --keep keeps the
step's temporary directory (RUNNER_TEMP, where reports are written), which is otherwise removed.
Multi-line inputs: repeat the flag (--url a --url b) or pass a value with newlines.`;

export function listActions(root = repoRoot()): string[] {
  const dir = join(root, 'actions');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => existsSync(join(dir, n, 'action.yml'))) : [];
  if (existsSync(join(root, 'action.yml'))) names.push('runway');
  return names.sort();
}

export interface ParsedArgs {
  inputs: Record<string, string>;
  env: Record<string, string>;
  flags: Set<string>;
}

/** `--url a --url b` joins as newline-separated (the runner's multi-line input form). */
export function parseActionArgs(args: string[], knownInputs: string[]): ParsedArgs {
  const result: ParsedArgs = { inputs: {}, env: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--'))
      throw new Error(`unexpected argument "${arg}": inputs are given as --<input> <value>`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (name === 'help' || name === 'verbose' || name === 'keep') {
      result.flags.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (name === 'env') {
      const split = value.indexOf('=');
      if (split <= 0) throw new Error(`--env takes NAME=VALUE, got "${value}"`);
      result.env[value.slice(0, split)] = value.slice(split + 1);
      continue;
    }
    if (!knownInputs.includes(name)) {
      throw new Error(`unknown input --${name}; this action's inputs are: ${knownInputs.join(', ')}`);
    }
    result.inputs[name] = name in result.inputs ? `${result.inputs[name]}\n${value}` : value;
  }
  return result;
}

async function runActionCommand(name: string, args: string[]): Promise<number> {
  const root = repoRoot();
  const metadata = readActionMetadata(root, name);
  const parsed = parseActionArgs(args, Object.keys(metadata.inputs));
  if (parsed.flags.has('help')) {
    console.log(`${metadata.name}: ${metadata.description}\n\nInputs:`);
    for (const [input, spec] of Object.entries(metadata.inputs)) {
      const def =
        spec.default !== undefined
          ? ` (default: ${describeDefault(String(spec.default))})`
          : spec.required
            ? ' (required)'
            : '';
      console.log(
        `  --${input}${def}\n      ${String(spec.description ?? '')
          .trim()
          .replace(/\n/g, '\n      ')}`,
      );
    }
    console.log('\nOutputs:');
    for (const [output, spec] of Object.entries(metadata.outputs))
      console.log(`  ${output}: ${String(spec.description ?? '').trim()}`);
    return 0;
  }
  const renderer = new LogRenderer({ verbose: parsed.flags.has('verbose') });
  const keep = parsed.flags.has('keep');
  const result = await runBundle(name, {
    root,
    inputs: parsed.inputs,
    env: parsed.env,
    removeWorkDir: !keep,
    onLine: (line) => {
      const shown = renderer.render(line);
      if (shown !== undefined) console.log(shown);
    },
  });
  if (Object.keys(result.outputs).length) {
    console.log('\nOutputs:');
    for (const [key, value] of Object.entries(result.outputs)) {
      console.log(`  ${key}=${value.includes('\n') ? JSON.stringify(value) : value}`);
    }
    const inTemp = Object.keys(result.outputs).filter((key) =>
      result.outputs[key].startsWith(result.workDir),
    );
    if (inTemp.length && !keep)
      console.log(`  (${inTemp.join(', ')}: removed with the step's RUNNER_TEMP; --keep keeps it)`);
  }
  if (result.summary.trim())
    console.log(
      `\nSummary written (${result.summary.length} chars) — Markdown below:\n\n${decodeEntities(result.summary)}`,
    );
  return result.exitCode;
}

/** `runway rehearse [--keep] [--only a,b] [--report-dir DIR]`. */
export function parseRehearseArgs(args: string[]): { keep: boolean; only?: string[]; reportDir?: string } {
  const result: { keep: boolean; only?: string[]; reportDir?: string } = { keep: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--keep') result.keep = true;
    else if (args[i] === '--only' && args[i + 1]) result.only = args[++i].split(',').map((s) => s.trim());
    else if (args[i] === '--report-dir' && args[i + 1]) result.reportDir = args[++i];
    else
      throw new Error(
        `rehearse: unknown argument "${args[i]}"; use --keep, --only <sections>, --report-dir <dir>`,
      );
  }
  return result;
}

/**
 * An action.yml default as a terminal user reads it: `${{ github.token }}` is what the runner fills
 * in; from a terminal the same value comes from the environment ($GITHUB_TOKEN), so say that.
 */
export function describeDefault(value: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, expr: string) => {
    const github = /^github\.(\w+)$/.exec(expr);
    if (github) return `$GITHUB_${github[1].toUpperCase()}`;
    const env = /^env\.(\w+)$/.exec(expr);
    if (env) return `$${env[1]}`;
    return whole.replace(/\$\{\{\s*|\s*\}\}/g, '');
  });
}

export const SIM_USAGE = `runway sim — a local Fly Machines API (https://api.machines.dev/v1) whose Machines are real processes

Usage:
  runway sim [app...] [--token T] [--time-scale X]
      Starts the simulator with the given apps (default: ${DEFAULT_APPS}) and prints ONE JSON line:
      {"apiUrl": "...", "token": "...", "apps": {"<app>": "<public url>"}}. Runs until Ctrl-C.
      --token T        the API token it accepts (default: a random one, printed)
      --time-scale X   scales the simulator's delays, check grace periods and intervals (0.2 = 5x faster)

Point an action at it: runway fly-deploy --api-url <apiUrl> --api-token <token> --public-url <app url> ...

Image behaviours — the image reference (for a digest: the tag it was resolved from) selects what runs:
  ...crash...          exits 1 ~300 ms after boot; the restart policy decides (a crash loop)
  ...never-healthy...  serves, but health/check paths answer 500 forever (checks critical)
  ...slow...           listens only after ~2.5 s: started, checks critical until then
  ...laggy...          healthy, checks pass, but every request except its health checks takes ~250 ms (breaches a latency SLO)
  ...release-fail...   healthy as an app; exits 1 when run as a release command
  anything else        healthy: every path answers 200 with JSON naming image, version, Machine, region
  e.g. registry.fly.io/voice-bot:never-healthy  or  registry.fly.io/voice-bot:laggy-release

Faults (from code, via startFlySim().faults.inject; see src/sim/fly/README.md):
  a status on any route (optionally N times), createAnyway (the request is carried out, then 408),
  capacity (409 insufficient_capacity), revertUpdate (an update answers 200 and flyd reverts it),
  plus leases held by someone else (holdLease), check states set by hand (setCheck) and rate limits
  (mutations 1/s burst 3, reads 5/s burst 10, 429 with Retry-After).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'sim') {
      if (rest.includes('--help') || rest.includes('-h')) {
        console.log(SIM_USAGE);
        return 0;
      }
      const { runSimCommand } = await import('../sim/fly/cli.js');
      return await runSimCommand(rest);
    }
    if (command === 'rehearse') {
      const { rehearse } = await import('../rehearsal/index.js');
      return await rehearse(parseRehearseArgs(rest));
    }
    if (command === 'doctor') return await runActionCommand('fly-deploy', ['--mode', 'doctor', ...rest]);
    if (listActions().includes(command)) return await runActionCommand(command, rest);
    console.error(`runway: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } catch (error) {
    console.error(`runway: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
