import { describe, expect, it } from '@jest/globals';
import { escapeCell, markdownTable, mermaidBarChart, Summary } from '../../src/core/summary.js';
import { Progress, formatBytes } from '../../src/core/progress.js';

describe('summary', () => {
  it('escapes cells so data cannot break the table or inject HTML', () => {
    expect(escapeCell('a|b<script>\nc')).toBe('a\\|b&lt;script&gt;<br>c');
    expect(markdownTable(['a', 'b'], [[1, 'x|y']], ['left', 'right'])).toBe(
      '| a | b |\n| --- | ---: |\n| 1 | x\\|y |\n',
    );
  });

  it('draws a Mermaid xychart GitHub can render', () => {
    const chart = mermaidBarChart({
      title: 'Latency',
      xLabel: 'ms',
      yLabel: 'requests',
      labels: ['0-10', '10-20'],
      values: [3, 10],
    });
    expect(chart).toContain('```mermaid\nxychart-beta');
    expect(chart).toContain('x-axis "ms" ["0-10", "10-20"]');
    expect(chart).toContain('y-axis "requests" 0 --> 11');
    expect(chart).toContain('bar [3, 10]');
  });

  it('builds sections in order', () => {
    const text = new Summary()
      .heading('Deploy')
      .table(['k'], [['v']])
      .details('more', 'x')
      .toString();
    expect(text.indexOf('## Deploy')).toBeLessThan(text.indexOf('| k |'));
    expect(text).toContain('<details><summary>more</summary>');
  });
});

describe('progress', () => {
  it('logs at most once per interval with rate and time left', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new Progress('download', 100 * 1024 * 1024, (l) => lines.push(l), {
      intervalMs: 1000,
      now: () => now,
    });
    now = 500;
    progress.add(10 * 1024 * 1024);
    expect(lines).toHaveLength(0);
    now = 1000;
    progress.add(10 * 1024 * 1024);
    expect(lines).toEqual(['download: 20.0 MiB of 100.0 MiB (20%), 20.0 MiB/s, 4.0s left']);
    expect(formatBytes(512)).toBe('512 B');
  });
});
