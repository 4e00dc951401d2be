import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';

/** A file a Machine sees at boot: `[[files]]` from the config, or what "the image" ships. */
export interface GuestFile {
  guestPath: string;
  content: Buffer;
}

/**
 * Where simulated Machines keep bytes: one temporary directory per sim holding each volume's data
 * (it outlives Machines, as a Fly volume does) and each Machine's root filesystem (rebuilt from the
 * image and `[[files]]` at every boot, as Fly's ephemeral rootfs is). Removed when the sim closes.
 */
export class SimDisk {
  private root?: string;

  private base(): string {
    this.root ??= mkdtempSync(join(tmpdir(), 'runway-fly-sim-'));
    return this.root;
  }

  createVolume(id: string): string {
    const dir = join(this.base(), 'volumes', id);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  deleteVolume(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  /** A fresh root filesystem for one boot of a Machine, holding `files` at their guest paths. */
  freshRootfs(machineId: string, files: GuestFile[]): string {
    const dir = join(this.base(), 'machines', machineId, 'rootfs');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of files) {
      const target = join(dir, normalize(file.guestPath).replace(/^(\.\.[/\\])+/, ''));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return dir;
  }

  close(): void {
    if (this.root) rmSync(this.root, { recursive: true, force: true });
    this.root = undefined;
  }
}
