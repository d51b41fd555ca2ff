/**
 * Which inner cell of a published table each person counts in: the release ledger's record
 * of one table. Every published value of the table (inner cell, row and column total, grand
 * total) is then a weighted sum over persons, which is what lets protection reason about
 * all releases of an extract together (persons → atoms, see ledger/atoms.ts).
 *
 * Entries are sorted by person. A person of a state, first-move, fiche or cross-tab table
 * has one entry (weight 1, `weight` null). In an all-moves matrix a person has one entry per
 * cell they moved in, weighted by the number of such moves.
 */
export interface PersonCells {
  /** Person index in the session's columnar index (stable for a fingerprinted extract). */
  person: Int32Array;
  /** Row-major inner cell: r * cols + c. */
  cell: Int32Array;
  /** Moves per entry; null when every entry counts one person once. */
  weight: Int32Array | null;
}

/** Builds PersonCells of a one-entry-per-person table from a person → cell array (-1 = not counted). */
export function personCellsFromCellOf(cellOf: Int32Array): PersonCells {
  let n = 0;
  for (let p = 0; p < cellOf.length; p++) if (cellOf[p] >= 0) n++;
  const person = new Int32Array(n);
  const cell = new Int32Array(n);
  let i = 0;
  for (let p = 0; p < cellOf.length; p++) {
    if (cellOf[p] < 0) continue;
    person[i] = p;
    cell[i++] = cellOf[p];
  }
  return { person, cell, weight: null };
}

/**
 * Collects (person, cell) pairs one move at a time, persons in ascending order, and merges
 * a person's moves in the same cell into one weighted entry (all-moves matrices).
 */
export class PersonCellsBuilder {
  private person: number[] = [];
  private cell: number[] = [];
  private weight: number[] = [];
  private current = -1;
  private start = 0;

  add(p: number, cell: number): void {
    if (p !== this.current) {
      this.current = p;
      this.start = this.person.length;
    }
    // A person has few moves: a linear scan of their own entries is cheapest.
    for (let i = this.start; i < this.person.length; i++) {
      if (this.cell[i] === cell) {
        this.weight[i]++;
        return;
      }
    }
    this.person.push(p);
    this.cell.push(cell);
    this.weight.push(1);
  }

  build(): PersonCells {
    return { person: Int32Array.from(this.person), cell: Int32Array.from(this.cell), weight: Int32Array.from(this.weight) };
  }
}
