import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readActionMetadata, repoRoot } from '../harness/metadata.js';
import { runBundle } from '../harness/run-bundle.js';
import { LogRenderer } from '../harness/log-renderer.js';

const USAGE = `runway — ship a web app to Fly.io without fear

Usage:
  runway <action> [--<input> <value>]...   run an action's built bundle exactly as the runner does
  runway <action> --help                   list the action's inputs and outputs
  runway doctor --app A [--doctor-fix none|auto|finish|revert]
                                           what an unfinished rollout left on a Fly app, the repair
                                           plan, and the repair when asked (fly-deploy mode: doctor)
  runway sim [app...]                      start the local Fly Machines simulator; prints one JSON line
  runway rehearse [--keep]                 the full pipeline rehearsal against local stand-ins (npm start)

Actions: ${listActions().join(', ')}
Flags: --env NAME=VALUE passes an environment variable; --verbose shows debug lines.
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
    if (name === 'help' || name === 'verbose') {
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
        spec.default !== undefined ? ` (default: ${spec.default})` : spec.required ? ' (required)' : '';
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
  const result = await runBundle(name, {
    root,
    inputs: parsed.inputs,
    env: parsed.env,
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
  }
  if (result.summary.trim())
    console.log(`\nSummary written (${result.summary.length} chars) — Markdown below:\n\n${result.summary}`);
  return result.exitCode;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'sim') {
      const { runSimCommand } = await import('../sim/fly/cli.js');
      return await runSimCommand(rest);
    }
    if (command === 'rehearse') {
      const { rehearse } = await import('../rehearsal/index.js');
      return await rehearse({ keep: rest.includes('--keep') });
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
