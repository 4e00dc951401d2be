import { backupSection } from './backup.js';
import { dnsCutoverSection } from './dns.js';
import { flyDeploySection } from './fly.js';
import { githubSection } from './github.js';
import { latencyProbeSection } from './probe.js';
import { promoteSection } from './promote.js';
import { rollbackSection } from './rollback.js';
import type { RehearsalSection } from './types.js';

export interface SectionEntry {
  name: string;
  title: string;
  run: RehearsalSection;
}

/** Pipeline order: each section may use what earlier ones published in ctx.endpoints / ctx.shared. */
export const SECTIONS: SectionEntry[] = [
  { name: 'github', title: 'GitHub stand-in', run: githubSection },
  { name: 'fly', title: 'Deploy staging to the Fly simulator', run: flyDeploySection },
  { name: 'probe', title: 'Latency gate: staging vs the old AWS endpoint', run: latencyProbeSection },
  { name: 'backup', title: 'Verify the B2 backups', run: backupSection },
  { name: 'promote', title: 'Promote the staging digest to production', run: promoteSection },
  { name: 'dns', title: 'DNS cutover to Fly', run: dnsCutoverSection },
  { name: 'rollback', title: 'Roll the plan back after the cutover', run: rollbackSection },
];
