/**
 * Markdown job-summary building blocks. GitHub renders GFM tables and Mermaid in step summaries; we
 * build text ourselves (rather than core.summary's HTML) so the same report prints in a terminal.
 * core.summary does no escaping, so every cell passes through escapeCell.
 */
export function escapeCell(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

export function markdownTable(
  header: string[],
  rows: unknown[][],
  align?: ('left' | 'right' | 'center')[],
): string {
  const sep = header.map((_, i) => {
    const a = align?.[i] ?? 'left';
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
  });
  const lines = [header.map(escapeCell), sep, ...rows.map((row) => row.map(escapeCell))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n';
}

export interface BarSeries {
  title: string;
  xLabel: string;
  yLabel: string;
  labels: string[];
  values: number[];
}

/** A Mermaid `xychart-beta` bar chart, which GitHub renders inside a ```mermaid block in a summary. */
export function mermaidBarChart(series: BarSeries): string {
  const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;
  const max = Math.max(1, ...series.values);
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(series.title)}`,
    `  x-axis ${quote(series.xLabel)} [${series.labels.map(quote).join(', ')}]`,
    `  y-axis ${quote(series.yLabel)} 0 --> ${Math.ceil(max * 1.1)}`,
    `  bar [${series.values.join(', ')}]`,
    '```',
    '',
  ].join('\n');
}

export const verdictIcon = (ok: boolean | undefined): string => (ok === undefined ? '⚠️' : ok ? '✅' : '❌');

/** Accumulates Markdown and writes it once to GITHUB_STEP_SUMMARY (append, as the runner expects). */
export class Summary {
  private readonly parts: string[] = [];

  heading(text: string, level = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${text}\n`);
    return this;
  }

  paragraph(text: string): this {
    this.parts.push(`${text}\n`);
    return this;
  }

  table(header: string[], rows: unknown[][], align?: ('left' | 'right' | 'center')[]): this {
    this.parts.push(markdownTable(header, rows, align));
    return this;
  }

  raw(markdown: string): this {
    this.parts.push(markdown);
    return this;
  }

  details(label: string, markdown: string): this {
    this.parts.push(`<details><summary>${escapeCell(label)}</summary>\n\n${markdown}\n</details>\n`);
    return this;
  }

  toString(): string {
    return this.parts.join('\n');
  }
}
