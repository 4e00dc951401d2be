import { startGitHubSim } from '../sim/github/index.js';
import type { RehearsalSection } from './types.js';

/**
 * The GitHub side of the pipeline: a REST stand-in that every later bundle run talks to through the
 * variables a runner sets, so deploys record GitHub deployments and promotion can find staging's digest.
 */
export const githubSection: RehearsalSection = async (ctx) => {
  const started = Date.now();
  const github = await startGitHubSim({ repository: 'coconut-beach/voice-bot' });
  ctx.onCleanup(() => github.close());
  ctx.endpoints.githubApi = github.apiUrl;
  ctx.endpoints.githubToken = github.token;
  ctx.shared.github = github;
  Object.assign(ctx.runnerEnv, {
    GITHUB_TOKEN: github.token,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_API_URL: github.apiUrl,
    GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
    GITHUB_RUN_ID: '1001',
    GITHUB_ACTOR: 'tyler',
  });
  return [
    {
      step: 'GitHub stand-in (deployments, issues) up',
      ok: true,
      detail: `REST API at ${github.apiUrl} for ${github.repository}; every step below runs with the variables a runner sets.`,
      ms: Date.now() - started,
    },
  ];
};
