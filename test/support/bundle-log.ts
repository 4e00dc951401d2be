/** The log as a reader of the run sees it: the runner consumes `::add-mask::` lines, they are never shown. */
export const visibleLog = (log: string): string =>
  log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
