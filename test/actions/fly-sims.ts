import { afterAll, beforeAll, expect } from '@jest/globals';
import { startGitHubSim, type GitHubSim } from '../../src/sim/github/index.js';
import { startFlySim, type FlySim } from '../fly/support.js';

/**
 * The Fly simulator a test file shares: started before the file's first test (handed to `use`), closed
 * after its last.
 */
export function useFlySim(use: (sim: FlySim) => void, options: Parameters<typeof startFlySim>[0] = {}): void {
  let sim: FlySim | undefined;
  beforeAll(async () => {
    sim = await startFlySim(options);
    use(sim);
  });
  afterAll(async () => {
    await sim?.close();
  });
}

/** GitHub's simulator for the file, the same way. */
export function useGitHubSim(use: (github: GitHubSim) => void): void {
  let github: GitHubSim | undefined;
  beforeAll(async () => {
    github = await startGitHubSim({});
    use(github);
  });
  afterAll(async () => {
    await github?.close();
  });
}

let counter = 0;
/** An app name no other test of this file has used (the simulator keeps every app until it closes). */
export const uniqueName = (prefix: string): string => `${prefix}-${++counter}`;

/** The runner's environment for a step that records GitHub deployments of commit `sha`. */
export const githubRunnerEnv = (github: GitHubSim, sha: string) => ({
  GITHUB_TOKEN: github.token,
  GITHUB_REPOSITORY: github.repository,
  GITHUB_API_URL: github.apiUrl,
  GITHUB_SHA: sha,
});

/** The app's public URL answers from the release tagged `tag`, four times running. */
export async function expectServes(sim: FlySim, app: string, tag: string): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${sim.appUrl(app)}/`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { image: string }).image).toContain(`:${tag}`);
  }
}
