import type { RehearsalSection } from './types.js';

export interface SectionEntry {
  name: string;
  title: string;
  run: RehearsalSection;
}

/** Pipeline order: each section may use what earlier ones published in ctx.endpoints / ctx.shared. */
export const SECTIONS: SectionEntry[] = [];
