import { describe, expect, it } from '@jest/globals';
import { absoluteName } from '../../src/dns/records.js';

// Names at the edges of what a zone can be: the unit tier, imported from src.

describe('absolute names in a single-label zone', () => {
  it('takes the zone name itself as the apex even when the zone has no dot', () => {
    expect(absoluteName('internal', 'internal')).toBe('internal');
    expect(absoluteName('Internal.', 'internal.')).toBe('internal');
    expect(absoluteName('@', 'internal')).toBe('internal');
    expect(absoluteName('api', 'internal')).toBe('api.internal');
  });
});
