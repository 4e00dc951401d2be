import { isWarm } from './app-machines.js';
import type { Machine } from './types.js';

/**
 * In an auto-stopped fleet a region of a process group may have no running Machine: its Machines would
 * take the new release without ever running it. One Machine per such region (the lowest id) is started
 * and gated instead, so the release is verified on at least one Machine per group and region; the rest
 * stay stopped, and the proxy's auto-stop puts the started one back to sleep once it is idle.
 */
export function verificationProbes(machines: Machine[]): Set<string> {
  const probes = new Set<string>();
  const regions = new Set(machines.map((m) => m.region));
  for (const region of regions) {
    const here = machines.filter((m) => m.region === region).sort((a, b) => a.id.localeCompare(b.id));
    if (!here.some(isWarm)) probes.add(here[0].id);
  }
  return probes;
}
