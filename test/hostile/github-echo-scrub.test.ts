import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHostile, type HostileServer } from '../../src/sim/hostile/index.js';
import { deployBundle, image, startFlySim, type FlySim } from '../fly/support.js';

/**
 * Issue 10: a GitHub API that answers 500 with the request it got (a debugging proxy does) echoes the
 * Authorization header. Through the fly-deploy bundle, the "could not record a GitHub deployment" warning
 * must carry the failure but never the token, in any encoding, anywhere the step writes.
 */
const TOKEN = 'ghs_EchoScrubT0ken4f9c2b7a1d8e6Qx';

/** The forms a token takes on the wire or in a log: as is, in headers, base64 (basic auth), URL-encoded. */
const ENCODINGS = [
  TOKEN,
  TOKEN.slice(4),
  Buffer.from(TOKEN).toString('base64'),
  Buffer.from(`x-access-token:${TOKEN}`).toString('base64'),
  encodeURIComponent(`token ${TOKEN}`),
  encodeURIComponent(`Bearer ${TOKEN}`),
  JSON.stringify(`token ${TOKEN}`).slice(1, -1),
];

let fly: FlySim;
let github: HostileServer;
beforeAll(async () => {
  fly = await startFlySim({});
  github = await startHostile({ behaviour: 'echo-500' });
});
afterAll(async () => {
  await github?.close();
  await fly?.close();
});

describe('fly-deploy bundle: a GitHub 500 echoing the Authorization header', () => {
  it('warns that the deployment was not recorded, deploys, and prints the token nowhere', async () => {
    const app = 'echo-scrub';
    await fly.createApp(app);
    const run = await deployBundle(
      fly,
      app,
      { image: image(app, 'v1'), 'github-token': TOKEN },
      {
        env: {
          GITHUB_TOKEN: undefined,
          GITHUB_REPOSITORY: 'acme/echo-scrub',
          GITHUB_API_URL: github.url,
          GITHUB_SHA: 'c'.repeat(40),
        },
      },
    );
    // The stand-in got the token and echoed it: the scrub below is what kept it out.
    const echoed = github.requests.filter((r) => JSON.stringify(r.headers).includes(TOKEN));
    expect(echoed.length).toBeGreaterThan(0);
    expect(run.exitCode).toBe(0);
    const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    // The warning carries the echo (what went wrong), with the header's value scrubbed.
    expect(warnings.join('\n')).toMatch(
      /could not record a GitHub deployment \(GitHub answered HTTP 500\): .*"internal error".*"authorization":"token \*\*\*"/,
    );

    // ::add-mask:: hands the secret to the runner on purpose; nothing else the step wrote may carry it.
    const written = [
      run.log.replace(/^::add-mask::.*$/gm, ''),
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(run.state),
      JSON.stringify(run.annotations),
    ].join('\n');
    for (const form of ENCODINGS)
      expect({ form, found: written.includes(form) }).toEqual({ form, found: false });
  }, 180_000);
});
