import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { runBundle } from '../../src/harness/run-bundle.js';
import { adminClient, createBucket, deleteObject, putObject, sidecarText } from '../../src/sim/s3/seed.js';
import { startGitHubSim, type GitHubSim } from '../../src/sim/github/index.js';
import { startS3rver, type LocalS3 } from '../support/s3-servers.js';
import { connectionInputs, dayAgo, DUMP, seedDailies } from '../backup/scenario.js';

const BUCKET = 'voice-bot-backups';
let server: LocalS3;
let client: S3Client;
let github: GitHubSim;

beforeAll(async () => {
  [server, github] = await Promise.all([startS3rver(), startGitHubSim()]);
  client = await adminClient(server);
  await createBucket(client, BUCKET);
  await seedDailies(client, BUCKET, 'db/', { days: 6, skip: [2] });
});

afterAll(async () => {
  client?.destroy();
  await Promise.all([server?.stop(), github?.close()]);
});

const run = () =>
  runBundle('backup-verify', {
    inputs: {
      ...connectionInputs(server, BUCKET, 'db/'),
      'issue-on-failure': 'true',
      'github-token': github.token,
    },
    env: {
      GITHUB_REPOSITORY: github.repository,
      GITHUB_API_URL: github.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
    },
    timeoutMs: 60_000,
  });

describe('backup-verify issue-on-failure against the GitHub stand-in', () => {
  it('opens one labelled issue with the report, comments when it fails again, closes it when a run passes', async () => {
    const first = await run();
    expect(first.exitCode).toBe(1);
    expect(first.log).toMatch(/Opened issue #\d+/);
    let issues = github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', labels: ['backup-verify'] });
    expect(issues[0].title).toBe('Backup verification failing: voice-bot-backups/db/');
    expect(issues[0].body).toContain(`day(s) without a backup in the daily window: ${dayAgo(2)}`);
    expect(issues[0].body).toContain('https://github.com/' + github.repository + '/actions/runs/4242');
    expect(issues[0].body).toContain('| week of | Mon |');

    const second = await run();
    expect(second.exitCode).toBe(1);
    expect(second.log).toMatch(/Commented on the open issue #\d+/);
    issues = github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0].comments).toHaveLength(1);

    // The upload job catches up on the missing day.
    const name = `voice-bot-${dayAgo(2)}.dump`;
    await putObject(client, BUCKET, `db/${name}`, DUMP);
    await putObject(client, BUCKET, `db/${name}.sha256`, sidecarText(DUMP, name));
    const third = await run();
    expect(third.exitCode).toBe(0);
    expect(third.log).toMatch(/Closed issue #\d+: the backups pass again/);
    issues = github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0].state).toBe('closed');
    expect(issues[0].comments.at(-1)?.body).toMatch(/Backups verified again at .*Closing\./);
    for (const r of [first, second, third]) {
      expect(r.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(github.token);
      expect(r.summary).not.toContain(github.token);
    }
  });
});

describe('backup-verify issue-on-failure with two stores in one repository', () => {
  // Two jobs in one repo, as a user runs them: the database dumps and the uploads archive.
  let hub: GitHubSim;
  beforeAll(async () => {
    hub = await startGitHubSim();
    await Promise.all([
      seedDailies(client, BUCKET, 'two/db/', { days: 4, skip: [1] }),
      seedDailies(client, BUCKET, 'two/uploads/', { days: 4, skip: [2] }),
    ]);
  });
  afterAll(async () => {
    await hub?.close();
  });

  const runStore = (prefix: string) =>
    runBundle('backup-verify', {
      inputs: {
        ...connectionInputs(server, BUCKET, prefix),
        retention: 'daily=4',
        'issue-on-failure': 'true',
        'github-token': hub.token,
      },
      env: { GITHUB_REPOSITORY: hub.repository, GITHUB_API_URL: hub.apiUrl, GITHUB_RUN_ID: '7' },
      timeoutMs: 60_000,
    });
  const issueOf = (prefix: string) =>
    hub.issues().filter((i) => i.title === `Backup verification failing: ${BUCKET}/${prefix}`);

  it('keeps one issue per bucket+prefix: a passing db/ run closes only the db/ issue', async () => {
    expect((await runStore('two/db/')).exitCode).toBe(1);
    expect((await runStore('two/uploads/')).exitCode).toBe(1);
    // Two failing stores, two issues, both carrying the shared label.
    expect(hub.issues()).toHaveLength(2);
    const [db] = issueOf('two/db/');
    const [uploads] = issueOf('two/uploads/');
    expect(db.labels).toEqual(['backup-verify']);
    expect(uploads.labels).toEqual(['backup-verify']);
    expect(db.body).toContain(`day(s) without a backup in the daily window: ${dayAgo(1)}`);
    expect(uploads.body).toContain(`day(s) without a backup in the daily window: ${dayAgo(2)}`);

    // A repeat failure of uploads/ goes to its own thread, not db/'s.
    const again = await runStore('two/uploads/');
    expect(again.log).toContain(`Commented on the open issue #${uploads.number}`);
    expect(issueOf('two/uploads/')[0].comments).toHaveLength(1);
    expect(issueOf('two/db/')[0].comments).toHaveLength(0);

    // db/ catches up and passes: its issue closes, the uploads/ alarm stays open.
    const name = `voice-bot-${dayAgo(1)}.dump`;
    await putObject(client, BUCKET, `two/db/${name}`, DUMP);
    await putObject(client, BUCKET, `two/db/${name}.sha256`, sidecarText(DUMP, name));
    const fixed = await runStore('two/db/');
    expect(fixed.exitCode).toBe(0);
    expect(fixed.log).toContain(`Closed issue #${db.number}: the backups pass again.`);
    expect(issueOf('two/db/')[0].state).toBe('closed');
    expect(issueOf('two/uploads/')[0].state).toBe('open');
    expect(issueOf('two/uploads/')[0].comments).toHaveLength(1);

    // A later db/ failure opens a fresh db/ issue rather than commenting on the uploads/ one.
    await Promise.all([name, `${name}.sha256`].map((k) => deleteObject(client, BUCKET, `two/db/${k}`)));
    const broken = await runStore('two/db/');
    expect(broken.log).toMatch(/Opened issue #\d+/);
    expect(issueOf('two/db/').map((i) => i.state)).toEqual(['closed', 'open']);
    expect(issueOf('two/uploads/')[0].comments).toHaveLength(1);
  });
});

describe('backup-verify issue-on-failure with an issue opened before the per-store marker', () => {
  let hub: GitHubSim;
  beforeAll(async () => {
    hub = await startGitHubSim();
    await seedDailies(client, BUCKET, 'legacy/', { days: 2 });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('closes the old issue of the same bucket/prefix (matched by title) and leaves another store’s alone', async () => {
    const open = (title: string) =>
      fetch(`${hub.apiUrl}/repos/${hub.repository}/issues`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, body: 'Backup verification failed.', labels: ['backup-verify'] }),
      }).then((r) => expect(r.status).toBe(201));
    await open(`Backup verification failing: ${BUCKET}/legacy/`);
    await open(`Backup verification failing: ${BUCKET}/other/`);
    const result = await runBundle('backup-verify', {
      inputs: {
        ...connectionInputs(server, BUCKET, 'legacy/'),
        retention: 'daily=2',
        'issue-on-failure': 'true',
        'github-token': hub.token,
      },
      env: { GITHUB_REPOSITORY: hub.repository, GITHUB_API_URL: hub.apiUrl },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.log).toMatch(/Closed issue #\d+: the backups pass again/);
    expect(hub.issues().map((i) => [i.title.split(': ')[1], i.state])).toEqual([
      [`${BUCKET}/legacy/`, 'closed'],
      [`${BUCKET}/other/`, 'open'],
    ]);
  });
});
