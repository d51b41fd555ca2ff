import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { ExportedTable } from '../../../shared/disclosure/audit-entry';
import type { DisclosureMethod } from '../../../shared/disclosure/policy';
import { canonicalJson } from './canonical-json';

/** What an export published, kept (encrypted) for the differencing guard. */
export interface Snapshot {
  cohort: CohortDefinition;
  table: ExportedTable;
  method: DisclosureMethod;
  /** Every published value of the output in a fixed order; null = suppressed. */
  values: (number | null)[];
}

export function saveSnapshot(ws: Database, seq: number, s: Snapshot): void {
  ws.prepare('INSERT INTO export_snapshot (seq, cohort, tbl, published) VALUES (?, ?, ?, ?)').run(
    seq,
    canonicalJson(s.cohort),
    canonicalJson(s.table),
    JSON.stringify({ method: s.method, values: s.values }),
  );
}

/** Forgets the snapshot of a release that did not complete (nothing of it was published). */
export function dropSnapshot(ws: Database, seq: number): void {
  ws.prepare('DELETE FROM export_snapshot WHERE seq = ?').run(seq);
}

const LIST_FIELDS = ['status', 'decisionYears', 'applicationYears', 'nationalities', 'sexes', 'ageBands', 'kbiTargetStatus', 'nt2Reached'] as const;

const within = (inner: readonly unknown[], outer: readonly unknown[]) =>
  outer.length === 0 || (inner.length > 0 && inner.every((v) => outer.includes(v)));

/**
 * True when every person of `inner` is certainly in `outer`, judged from the definitions
 * alone: each field of inner is at least as strict as the same field of outer.
 */
export function cohortWithin(inner: CohortDefinition, outer: CohortDefinition): boolean {
  for (const f of LIST_FIELDS) if (!within(inner[f] as readonly unknown[], outer[f] as readonly unknown[])) return false;
  const range = (i: { from: string | null; to: string | null } | null, o: { from: string | null; to: string | null } | null) =>
    o === null || (i !== null && (o.from === null || (i.from !== null && i.from >= o.from)) && (o.to === null || (i.to !== null && i.to <= o.to)));
  if (!range(inner.decisionDate, outer.decisionDate)) return false;
  const ages = (i: { min: number; max: number } | null, o: { min: number; max: number } | null) => o === null || (i !== null && i.min >= o.min && i.max <= o.max);
  if (!ages(inner.ageRange, outer.ageRange)) return false;
  for (const g of ['geoAtDecision', 'geoAtReference'] as const) {
    const o = outer[g];
    const i = inner[g];
    if (o === null || o.codes.length === 0) continue;
    if (i === null || i.level !== o.level || i.vintage !== o.vintage || !within(i.codes, o.codes)) return false;
  }
  for (const b of ['trajectoryStarted', 'attestationObtained'] as const) if (outer[b] !== null && inner[b] !== outer[b]) return false;
  return true;
}

export interface DifferencingRisk {
  /** Audit sequence number of the earlier export. */
  seq: number;
  /** Number of published positions whose difference falls between 1 and T−1. */
  cells: number;
}

/**
 * Compares a table about to leave with every earlier export of the same table (same
 * matrix definition or fiche) whose cohort is nested in this one or contains it. Where
 * a value is published in both, their difference is the count of the persons in one
 * cohort and not the other: a difference between 1 and T−1 reveals a small group.
 * Rounded outputs are not compared (their differences are not exact).
 */
export function findDifferencingRisk(ws: Database, next: Snapshot, T: number): DifferencingRisk | null {
  if (next.method !== 'suppression') return null;
  const tableKey = canonicalJson(next.table);
  const cohortKey = canonicalJson(next.cohort);
  const rows = ws
    .prepare('SELECT seq, cohort, published FROM export_snapshot WHERE tbl = ? ORDER BY seq')
    .all(tableKey) as { seq: number; cohort: string; published: string }[];
  for (const r of rows) {
    if (r.cohort === cohortKey) continue;
    const earlier = JSON.parse(r.cohort) as CohortDefinition;
    const nextInside = cohortWithin(next.cohort, earlier);
    const earlierInside = !nextInside && cohortWithin(earlier, next.cohort);
    if (!nextInside && !earlierInside) continue;
    const pub = JSON.parse(r.published) as { method: DisclosureMethod; values: (number | null)[] };
    if (pub.method !== 'suppression' || pub.values.length !== next.values.length) continue;
    let cells = 0;
    for (let i = 0; i < pub.values.length; i++) {
      const a = pub.values[i];
      const b = next.values[i];
      if (a === null || b === null) continue;
      const d = Math.abs(a - b);
      if (d > 0 && d < T) cells++;
    }
    if (cells > 0) return { seq: r.seq, cells };
  }
  return null;
}
