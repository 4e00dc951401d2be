import { getExecOutput } from '@actions/exec';
import { UserError } from '../core/errors.js';
import type { DeployInputs } from './inputs.js';

/** The image line `flyctl deploy --build-only --push` prints: `image: registry.fly.io/app:deployment-…`. */
export function parsePushedImage(output: string): string | undefined {
  const matches = [...output.matchAll(/^\s*image:\s*(\S+)\s*$/gim)];
  return matches.at(-1)?.[1];
}

/**
 * Builds and pushes with the real flyctl (it owns the remote builder and registry auth), then deploys
 * what it pushed through the Machines API like any other image.
 */
export async function buildAndPush(options: {
  app: string;
  configPath: string;
  apiToken: string;
  cwd?: string;
  log: (line: string) => void;
}): Promise<string> {
  let result;
  try {
    result = await getExecOutput(
      'flyctl',
      ['deploy', '--build-only', '--push', '--app', options.app, '--config', options.configPath],
      {
        cwd: options.cwd,
        env: { ...process.env, FLY_API_TOKEN: options.apiToken } as Record<string, string>,
        ignoreReturnCode: true,
      },
    );
  } catch (error) {
    throw new UserError(
      `build: true needs flyctl on PATH, and it was not found (${(error as Error).message}).`,
      {
        input: 'build',
        fix: 'add `- uses: superfly/flyctl-actions/setup-flyctl@master` before this step, or pass a prebuilt `image`.',
      },
    );
  }
  if (result.exitCode !== 0) {
    throw new UserError(
      `flyctl deploy --build-only --push exited with ${result.exitCode}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ')}`,
      {
        input: 'build',
        fix: 'fix the build (see the flyctl output above) or pass a prebuilt `image`.',
      },
    );
  }
  const image = parsePushedImage(`${result.stdout}\n${result.stderr}`);
  if (!image)
    throw new Error('flyctl finished but printed no "image: …" line, so the pushed image is unknown');
  options.log(`built and pushed ${image}`);
  return image;
}

/** The image a deploy ships: the one given, or (with `build: true`) the one flyctl builds and pushes. */
export async function imageToDeploy(inputs: DeployInputs, log: (line: string) => void): Promise<string> {
  return (
    inputs.image ??
    (await buildAndPush({ app: inputs.app, configPath: inputs.configPath, apiToken: inputs.apiToken, log }))
  );
}
