import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { explainRegion, LIVE_REGIONS, nearestLiveRegions, validateRegions } from '../../src/fly/regions.js';

describe('region validation', () => {
  it('accepts the 18 live regions, normalising case and dropping duplicates', () => {
    expect(LIVE_REGIONS).toHaveLength(18);
    expect(validateRegions('regions', ['SIN', 'syd', 'sin'])).toEqual(['sin', 'syd']);
  });

  it('says the migration plan\'s "Chennai (cyn)" is not a Fly region and names live neighbours', () => {
    const message = explainRegion('cyn');
    expect(message).toMatch(/"cyn" is not a Fly region code/);
    expect(message).toMatch(/maa, retired on 2023-06-28 in favour of bom/);
    expect(message).toMatch(/nearest live regions are bom \(Mumbai, IN\) or sin \(Singapore\)/);
    let thrown: unknown;
    try {
      validateRegions('regions', ['sin', 'cyn', 'syd']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).describe()).toMatch(
      /^input 'regions': .*Fix: use a live region code, e\.g\. bom\.$/,
    );
  });

  it('explains retired and deprecated codes with their nearest live regions', () => {
    expect(explainRegion('maa')).toMatch(/retired on 2023-06-28 in favour of bom/);
    expect(explainRegion('hkg')).toMatch(/hkg \(Hong Kong\) is deprecated.*nearest live regions are/);
    expect(nearestLiveRegions({ lat: 22.32, lon: 114.17 }, 1)[0].code).not.toBe('hkg');
    expect(explainRegion('xyz')).toMatch(/"xyz" is not a Fly region; live regions are ams, arn, bom/);
    expect(explainRegion('syd')).toBeUndefined();
  });
});
