/**
 * Turns the workflow commands a bundle prints (`::error::`, `::add-mask::`, `::group::`) into what a
 * terminal user should see, the way the runner renders them: masks are applied to every later line,
 * debug lines are hidden unless asked for, and annotations read as `Error: …`.
 */
export class LogRenderer {
  private readonly masks: string[] = [];

  constructor(private readonly options: { verbose?: boolean } = {}) {}

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
