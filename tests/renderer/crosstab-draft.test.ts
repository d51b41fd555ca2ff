import { describe, expect, it } from 'vitest';
import { CENTRUMSTEDEN_GROUP, CrosstabVariable } from '../../shared/crosstab/crosstab-definition';
import { draftFromVariable, draftOf, parseBands, parseGroups, variableOf } from '../../renderer/src/features/crosstab/variable-draft';

describe('cross-tab variable picker drafts', () => {
  it('reads groups and bands as the analyst types them', () => {
    expect(parseGroups('Midden-Oosten = syr, IRQ ; Hoorn=ERI,SOM;')).toEqual([
      { label: 'Midden-Oosten', codes: ['SYR', 'IRQ'] },
      { label: 'Hoorn', codes: ['ERI', 'SOM'] },
    ]);
    expect(parseBands('0-17, 18-64,65+')).toEqual([{ min: 0, max: 17 }, { min: 18, max: 64 }, { min: 65, max: 120 }]);
    expect(parseBands('0-17,oud')).toBeNull();
  });

  it('says what is missing instead of asking the engine', () => {
    expect(variableOf(draftOf('area', { at: 'date', date: '' })).ok).toBe(false);
    expect(variableOf(draftOf('ageBand', { bands: '10-5' })).ok).toBe(false);
    expect(variableOf(draftOf('ageBand', { bands: 'x' })).ok).toBe(false);
  });

  it('round-trips saved variables through the picker (custom groups, bands, centrumsteden)', () => {
    const variables = [
      { var: 'nationality', top: 5, groups: [{ label: 'Hoorn', codes: ['ERI', 'SOM'] }] },
      { var: 'nationality', top: null, groups: [] },
      { var: 'ageBand', bands: [{ min: 0, max: 17 }, { min: 18, max: 120 }] },
      { var: 'area', at: 'date', date: '2020-01-01', level: 'municipality', vintage: '2025', groups: [CENTRUMSTEDEN_GROUP] },
      { var: 'kbiTarget' },
    ].map((v) => CrosstabVariable.parse(v));
    for (const v of variables) expect(variableOf(draftFromVariable(v))).toEqual({ ok: true, value: v });
  });
});
