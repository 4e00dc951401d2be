import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = process.cwd();

/** Every workflow file the repository ships: its own and the copy-paste callers in examples/. */
export function workflowFiles(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (const dir of ['.github/workflows', 'examples/workflows']) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (/\.ya?ml$/.test(name))
        files.push({ path: `${dir}/${name}`, text: readFileSync(join(abs, name), 'utf8') });
    }
  }
  return files;
}

export function readWorkflow(path: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
}
