/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runSimCommand } from '../../../src/sim/fly/cli.js';
import { webConfig } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('runway sim', () => {
  test('prints one JSON line with the endpoints for the default apps and closes on abort', async () => {
    const lines: string[] = [];
    const abort = new AbortController();
    const running = runSimCommand([], { write: (line) => lines.push(line), signal: abort.signal });
    while (lines.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const info = JSON.parse(lines[0]);
    expect(Object.keys(info.apps)).toEqual(['voice-bot-staging', 'voice-bot']);
    expect(info.token).toMatch(/^fm2_/);
    const res = await fetch(`${info.apiUrl}/v1/apps/voice-bot`, {
      headers: { authorization: `FlyV1 ${info.token}` },
    });
    expect(res.status).toBe(200);
    abort.abort();
    expect(await running).toBe(0);
    await expect(fetch(`${info.apiUrl}/v1/apps/voice-bot`)).rejects.toThrow();
  });

  test('rejects unknown options with a usage line', async () => {
    expect(await runSimCommand(['--nope'])).toBe(2);
  });

  test('under tsx (as bin/runway.js runs it): serves Machines as real processes and exits on SIGTERM', async () => {
    const script = `const { runSimCommand } = await import(${JSON.stringify(`${ROOT}src/sim/fly/cli.ts`)}); process.exitCode = await runSimCommand(['cli-app', '--token', 'fm2_clitoken', '--time-scale', '0.3']);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error(`sim exited early: ${stderr}`)));
      });
      const info = JSON.parse(first);
      expect(info).toEqual({
        apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        token: 'fm2_clitoken',
        apps: { 'cli-app': expect.any(String) },
      });
      const headers = { authorization: 'FlyV1 fm2_clitoken', 'content-type': 'application/json' };
      const created: any = await (
        await fetch(`${info.apiUrl}/v1/apps/cli-app/machines`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ config: webConfig('registry.fly.io/cli-app:v1') }),
        })
      ).json();
      let body: { machine_id?: string } = {};
      for (let i = 0; i < 200 && body.machine_id !== created.id; i++) {
        const res = await fetch(`${info.apps['cli-app']}/`);
        if (res.status === 200) body = (await res.json()) as { machine_id?: string };
        else await res.text();
      }
      expect(body.machine_id).toBe(created.id);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
