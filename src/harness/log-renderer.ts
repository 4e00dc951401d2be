/**
 * Turns the workflow commands a bundle prints (`::error::`, `::add-mask::`, `::group::`) into what a
 * terminal user should see, the way the runner renders them: masks are applied to every later line,
 * debug lines are hidden unless asked for, and annotations read as `Error: …`.
 */
export class LogRenderer {
  private readonly masks: string[] = [];

  constructor(private readonly options: { verbose?: boolean } = {}) {}

  /** Whether any secret has been registered (then every line needs masking). */
  get masking(): boolean {
    return this.masks.length > 0;
  }

  render(line: string): string | undefined {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) return this.mask(line);
    const [, name, rawValue] = command;
    const value = rawValue.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    switch (name) {
      case 'add-mask':
        if (value) this.masks.push(value, ...value.split('\n').filter((l) => l.length > 0));
        this.masks.sort((a, b) => b.length - a.length);
        return undefined;
      case 'debug':
        return this.options.verbose ? this.mask(`debug: ${value}`) : undefined;
      case 'error':
        return this.mask(`Error: ${value}`);
      case 'warning':
        return this.mask(`Warning: ${value}`);
      case 'notice':
        return this.mask(`Notice: ${value}`);
      case 'group':
        return this.mask(`▸ ${value}`);
      case 'endgroup':
        return undefined;
      default:
        return this.mask(line);
    }
  }

  private mask(text: string): string {
    let result = text;
    for (const secret of this.masks) result = result.split(secret).join('***');
    return result;
  }
}

/**
 * A job summary as a reader of the runner's rendered Markdown sees it: the HTML entities the summary
 * writers escape (`&lt;` in `p95 &lt; 200ms`) read as the characters they stand for.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|apos|amp);/g, (_, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === 'amp' ? '&' : "'",
  );
}

/**
 * Workflow commands that code running IN this process writes to stdout (`core.setSecret` prints
 * `::add-mask::<token>`) go through a renderer, as the runner would treat them, instead of reaching the
 * terminal raw — where a masked token looks like a leaked one; later lines are masked. Returns the function that undoes it.
 */
export function renderOwnWorkflowCommands(renderer = new LogRenderer()): () => void {
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!/^::[a-z-]+/m.test(text) && !renderer.masking) return original(chunk, ...(rest as []));
    // Every line, once a mask is known: the runner masks all later output, not just commands.
    const shown = text
      .split('\n')
      .map((line) => renderer.render(line))
      .filter((line) => line !== undefined)
      .join('\n');
    return shown ? original(shown, ...(rest as [])) : true;
  }) as typeof process.stdout.write;
  return () => {
    process.stdout.write = original;
  };
}
