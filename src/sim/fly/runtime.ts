import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ImageBehaviour } from './images.js';

/** Located relative to this file so it works from jest (ts-jest ESM) and from tsx alike. */
const SCRIPT = fileURLToPath(new URL('./machine-process.mjs', import.meta.url));

export interface ProcessSpec {
  behaviour: ImageBehaviour;
  /** `serve` runs the web app; `command` runs a one-off command (release_command) and exits. */
  mode: 'serve' | 'command';
  internalPorts: number[];
  checkPaths: string[];
  command: string[];
  /** `init` of the Machine config (`[experimental]` cmd/entrypoint/exec): what the image is told to run. */
  init: unknown;
  /** Guest path prefix → host directory: the rootfs and mounted volumes. */
  filesystem: Record<string, string>;
  env: Record<string, string>;
  timeScale: number;
}

export interface ExitInfo {
  code: number;
  signal: string | null;
}

/** One running "VM": a child process and the host ports its internal ports are mapped to. */
export class MachineProcess extends EventEmitter {
  readonly child: ChildProcess;
  readonly ports = new Map<number, number>();
  listening = false;
  /** Set before a stop the platform asked for, so the exit is not mistaken for a crash. */
  requestedStop = false;
  readonly exited: Promise<ExitInfo>;
  /** Resolves once the image's process is up (its signal handlers are in place) or has died. */
  readonly booted: Promise<void>;
  readonly log: string[] = [];

  constructor(spec: ProcessSpec) {
    super();
    this.child = spawn(process.execPath, [SCRIPT], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Own process group: a Ctrl-C on `runway sim` reaches the sim, which then stops the Machines itself.
      // An orphaned Machine still exits: it watches its IPC channel (see machine-process.mjs).
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        ...spec.env,
        SIM_BEHAVIOUR: spec.behaviour,
        SIM_MODE: spec.mode,
        SIM_PORTS: JSON.stringify(spec.internalPorts),
        SIM_CHECK_PATHS: JSON.stringify(spec.checkPaths),
        SIM_CMD: JSON.stringify(spec.command),
        SIM_INIT: JSON.stringify(spec.init ?? {}),
        SIM_FS: JSON.stringify(spec.filesystem),
        SIM_TIME_SCALE: String(spec.timeScale),
      },
    });
    const capture = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) this.log.push(line);
      }
      if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
    };
    this.child.stdout?.on('data', capture);
    this.child.stderr?.on('data', capture);
    this.booted = new Promise((resolve) => {
      this.child.on('message', (message: { type?: string }) => message?.type === 'booted' && resolve());
      this.child.once('exit', () => resolve());
      this.child.once('error', () => resolve());
    });
    this.child.on('message', (message: { type?: string; ports?: Record<string, number> }) => {
      if (message?.type === 'listening' && message.ports) {
        for (const [internal, actual] of Object.entries(message.ports))
          this.ports.set(Number(internal), actual);
        this.listening = true;
        this.emit('listening');
      }
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.listening = false;
        const info = { code: code ?? (signal === 'SIGKILL' ? 137 : 143), signal };
        this.emit('exit', info);
        resolve(info);
      });
      this.child.once('error', (error) => {
        this.log.push(`spawn failed: ${error.message}`);
      });
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Signal, then SIGKILL after the stop timeout, as flyd does with stop_config. */
  async stop(signal: string, timeoutMs: number): Promise<ExitInfo> {
    this.requestedStop = true;
    if (!this.running) return this.exited;
    try {
      this.child.kill(signal as NodeJS.Signals);
    } catch {
      this.child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      if (this.running) this.child.kill('SIGKILL');
    }, timeoutMs);
    const info = await this.exited;
    clearTimeout(timer);
    return info;
  }

  signal(signal: string): void {
    if (this.running) this.child.kill(signal as NodeJS.Signals);
  }
}
