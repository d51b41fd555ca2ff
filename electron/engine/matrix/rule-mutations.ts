/**
 * Deliberately wrong readings of the matrix rules in docs/matrix-definitions.md, one per
 * rule. Only tests pass one (tests/matrix/rule-mutations.test.ts): each must change at
 * least one cell of the SQL cross-check, which proves that the cross-check exercises the
 * rule. The UI, the CLI and the API never set it (it is not in the zod contract).
 */
export const RULE_MUTATIONS = {
  /** death: only person.death_date counts; a DECEASED record is a place like any other. */
  'death-date-only': 'R1',
  /** death: only a DECEASED record counts; a death date without one is no move. */
  'death-record-only': 'R1',
  /** death: residence records after the death still give moves. */
  'records-after-death': 'R2',
  /** gap: a gap between two records is no move (the old reading of the move matrices). */
  'gap-bridged': 'R3',
  /** trail end: a last record that ends is invisible in move matrices. */
  'trail-end-invisible': 'R4',
  /** before the first record: the first registration is no move out of Unknown. */
  'first-record-no-move': 'R5',
  /** overlap: a record that starts before the previous one ended holds only after that end. */
  'overlap-earlier-holds': 'R11',
  /** a new address in the same municipality counts as a move. */
  'same-municipality-move': 'R6',
  /** a move on the decision day counts as a move after the decision. */
  'decision-day-move-counted': 'R7',
  /** first move out of the area: takes the first municipality move instead. */
  'first-area-as-municipality': 'R8',
  /** follow-up window: its last day is left out. */
  'follow-up-end-exclusive': 'R9',
  /** all-moves period: its first day is left out. */
  'period-from-exclusive': 'R10',
} as const;
export type RuleMutation = keyof typeof RULE_MUTATIONS;

export const hasMutation = (mutation: RuleMutation | undefined, which: RuleMutation): boolean => mutation === which;
