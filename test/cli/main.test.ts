import { describe, expect, it } from '@jest/globals';
import { describeDefault, main, parseActionArgs, parseRehearseArgs } from '../../src/cli/main.js';
import { decodeEntities, LogRenderer, renderOwnWorkflowCommands } from '../../src/harness/log-renderer.js';

describe('runway CLI arguments', () => {
  const known = ['url', 'thresholds', 'rate'];

  it('maps --input value and --input=value to inputs, repeating as new lines', () => {
    const parsed = parseActionArgs(
      ['--url', 'https://a', '--url=https://b', '--rate', '5', '--env', 'X=1=2', '--verbose'],
      known,
    );
    expect(parsed.inputs).toEqual({ url: 'https://a\nhttps://b', rate: '5' });
    expect(parsed.env).toEqual({ X: '1=2' });
    expect(parsed.flags.has('verbose')).toBe(true);
  });

  it('rejects unknown inputs naming the accepted ones', () => {
    expect(() => parseActionArgs(['--urls', 'x'], known)).toThrow(
      "unknown input --urls; this action's inputs are: url, thresholds, rate",
    );
    expect(() => parseActionArgs(['--url'], known)).toThrow('--url needs a value');
    expect(() => parseActionArgs(['stray'], known)).toThrow('unexpected argument');
  });
});

describe('log rendering', () => {
  it('applies masks to later lines, hides debug, renders annotations', () => {
    const renderer = new LogRenderer();
    expect(renderer.render('::add-mask::s3cr3t-token')).toBeUndefined();
    expect(renderer.render('using s3cr3t-token now')).toBe('using *** now');
    expect(renderer.render('::debug::hidden')).toBeUndefined();
    expect(renderer.render('::error title=x::bad s3cr3t-token%0Anext')).toBe('Error: bad ***\nnext');
    expect(new LogRenderer({ verbose: true }).render('::debug::shown')).toBe('debug: shown');
  });
});

describe('what a terminal user sees', () => {
  it('--help shows an expression default as the variable it comes from, never `${{ … }}`', async () => {
    expect(describeDefault('${{ github.token }}')).toBe('$GITHUB_TOKEN');
    expect(describeDefault('${{ env.FLY_API_TOKEN }}')).toBe('$FLY_API_TOKEN');
    expect(describeDefault('rolling')).toBe('rolling');
    const out: string[] = [];
    const log = console.log;
    console.log = (line: string) => out.push(line);
    try {
      for (const action of ['fly-deploy', 'backup-verify', 'runway'])
        expect(await main([action, '--help'])).toBe(0);
    } finally {
      console.log = log;
    }
    const help = out.join('\n');
    expect(help).toContain('--github-token (default: $GITHUB_TOKEN)');
    expect(help).not.toContain('${{');
  });

  it('`runway sim --help` documents every image behaviour and the faults', async () => {
    const out: string[] = [];
    const log = console.log;
    console.log = (line: string) => out.push(line);
    try {
      expect(await main(['sim', '--help'])).toBe(0);
    } finally {
      console.log = log;
    }
    for (const word of [
      'crash',
      'never-healthy',
      'slow',
      'laggy',
      'release-fail',
      'revertUpdate',
      'capacity',
      'createAnyway',
    ])
      expect(out.join('\n')).toContain(word);
  });

  it('summaries read with their entities decoded', () => {
    expect(decodeEntities('p95 &lt; 200ms &amp;&amp; a &gt; b &quot;x&quot;')).toBe(
      'p95 < 200ms && a > b "x"',
    );
  });

  it('workflow commands printed in-process are rendered, so ::add-mask:: never reaches the terminal', () => {
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
    const restore = renderOwnWorkflowCommands();
    try {
      process.stdout.write('::add-mask::ghs_secret_token\n');
      process.stdout.write('token is ghs_secret_token\n');
    } finally {
      restore();
      process.stdout.write = write;
    }
    expect(written.join('')).not.toContain('ghs_secret_token');
    expect(written.join('')).not.toContain('::add-mask::');
  });

  it('rehearse takes --keep, --only and --report-dir', () => {
    expect(parseRehearseArgs(['--only', 'probe,dns', '--report-dir', '/x', '--keep'])).toEqual({
      keep: true,
      only: ['probe', 'dns'],
      reportDir: '/x',
    });
    expect(() => parseRehearseArgs(['--fast'])).toThrow('unknown argument "--fast"');
  });
});
