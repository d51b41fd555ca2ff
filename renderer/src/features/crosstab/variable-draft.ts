import { CENTRUMSTEDEN_GROUP, CrosstabVariable, SIMPLE_VARIABLES, type CodeGroup } from '../../../../shared/crosstab/crosstab-definition';
import type { AreaLevel, Vintage } from '../../../../shared/geo/area-level';

export const VARIABLE_KINDS = ['status', 'nationality', 'sex', 'ageBand', 'decisionYear', 'applicationYear', 'kbiTarget', 'trajectoryStarted', 'attestationObtained', 'nt2Level', 'area'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

/** What the variable picker edits: the fields of every kind, so switching kinds keeps the choices. */
export interface VariableDraft {
  kind: VariableKind;
  top: string;
  natGroups: string;
  bands: string;
  level: AreaLevel;
  at: 'decision' | 'reference' | 'date';
  date: string;
  vintage: Vintage;
  centrumsteden: boolean;
}

export const draftOf = (kind: VariableKind, extra: Partial<VariableDraft> = {}): VariableDraft => ({
  kind,
  top: '10',
  natGroups: '',
  bands: '',
  level: 'region',
  at: 'decision',
  date: '',
  vintage: '2019',
  centrumsteden: false,
  ...extra,
});

/** "Midden-Oosten=SYR,IRQ; Hoorn=ERI,SOM" → groups. */
export function parseGroups(text: string): CodeGroup[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [label, codes = ''] = part.split('=');
      return { label: label.trim(), codes: codes.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean) };
    });
}

/** "0-17,18-64,65+" → bands; null when a part is not a band. */
export function parseBands(text: string): { min: number; max: number }[] | null {
  if (!text.trim()) return [];
  const out: { min: number; max: number }[] = [];
  for (const part of text.split(',')) {
    const m = part.trim().match(/^(\d+)(?:\s*-\s*(\d+)|\+)$/);
    if (!m) return null;
    out.push({ min: Number(m[1]), max: m[2] === undefined ? 120 : Number(m[2]) });
  }
  return out;
}

/** The variable of a draft, or the first problem (for the message under the picker). */
export function variableOf(d: VariableDraft): { ok: true; value: CrosstabVariable } | { ok: false; issue: string } {
  let raw: unknown;
  if ((SIMPLE_VARIABLES as readonly string[]).includes(d.kind)) raw = { var: d.kind };
  else if (d.kind === 'nationality') raw = { var: 'nationality', top: d.top === 'all' ? null : Number(d.top), groups: parseGroups(d.natGroups) };
  else if (d.kind === 'ageBand') {
    const bands = parseBands(d.bands);
    if (bands === null) return { ok: false, issue: d.bands };
    raw = { var: 'ageBand', bands };
  } else {
    const groups = d.centrumsteden && d.level === 'municipality' ? [CENTRUMSTEDEN_GROUP] : [];
    raw = { var: 'area', at: d.at, date: d.at === 'date' ? d.date : null, level: d.level, vintage: d.vintage, groups };
  }
  const parsed = CrosstabVariable.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, issue: `${issue?.path.join('.') || d.kind}: ${issue?.message ?? ''}` };
}

/** The picker's draft of a saved variable (the inverse of variableOf, for loading a saved cross-tab). */
export function draftFromVariable(v: CrosstabVariable): VariableDraft {
  switch (v.var) {
    case 'nationality':
      return draftOf('nationality', { top: v.top === null ? 'all' : String(v.top), natGroups: v.groups.map((g) => `${g.label}=${g.codes.join(',')}`).join('; ') });
    case 'ageBand':
      return draftOf('ageBand', { bands: v.bands.map((b) => (b.max >= 120 ? `${b.min}+` : `${b.min}-${b.max}`)).join(',') });
    case 'area':
      return draftOf('area', { level: v.level, at: v.at, date: v.date ?? '', vintage: v.vintage, centrumsteden: v.groups.some((g) => g.label === CENTRUMSTEDEN_GROUP.label) });
    default:
      return draftOf(v.var);
  }
}
