import { describe, expect, it } from 'vitest';
import { searchEnrichmentEnabled } from '../../src/search/config.ts';

describe('searchEnrichmentEnabled', () => {
  it('is on unless MARSAD_SEARCH_ENRICH turns it off', () => {
    expect(searchEnrichmentEnabled({})).toBe(true);
    expect(searchEnrichmentEnabled({ MARSAD_SEARCH_ENRICH: '1' })).toBe(true);
    for (const off of ['0', 'false', 'off', 'no', ' FALSE ']) expect(searchEnrichmentEnabled({ MARSAD_SEARCH_ENRICH: off })).toBe(false);
  });
});
