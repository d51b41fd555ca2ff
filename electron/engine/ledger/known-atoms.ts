import type { AtomVector } from './value-vectors';

/**
 * Atoms the attacker can pin by substitution alone: a published exact value with one unknown
 * atom left gives that atom; repeat until nothing changes (unit propagation). Cheap, and it
 * settles most atoms, so the elimination and the programmes below only see what is left.
 */
export function knownAtoms(atomCount: number, exact: readonly AtomVector[]): Uint8Array {
  const known = new Uint8Array(atomCount);
  const unknownLeft = new Int32Array(exact.length);
  // Atom → the exact values it appears in (CSR).
  const deg = new Int32Array(atomCount + 1);
  for (const v of exact) for (let i = 0; i < v.atoms.length; i++) deg[v.atoms[i] + 1]++;
  for (let a = 0; a < atomCount; a++) deg[a + 1] += deg[a];
  const fill = deg.slice(0, atomCount);
  const where = new Int32Array(deg[atomCount]);
  exact.forEach((v, ci) => {
    unknownLeft[ci] = v.atoms.length;
    for (let i = 0; i < v.atoms.length; i++) where[fill[v.atoms[i]]++] = ci;
  });
  const queue: number[] = [];
  exact.forEach((_, ci) => {
    if (unknownLeft[ci] === 1) queue.push(ci);
  });
  while (queue.length) {
    const ci = queue.pop() as number;
    if (unknownLeft[ci] !== 1) continue;
    const v = exact[ci];
    let a = -1;
    for (let i = 0; i < v.atoms.length; i++) if (!known[v.atoms[i]]) a = v.atoms[i];
    if (a < 0) continue;
    known[a] = 1;
    for (let j = deg[a]; j < deg[a + 1]; j++) {
      const cj = where[j];
      unknownLeft[cj]--;
      if (unknownLeft[cj] === 1) queue.push(cj);
    }
  }
  return known;
}

/** The part of a vector over atoms not yet known. */
export function unknownPart(v: AtomVector, known: Uint8Array): AtomVector {
  let n = 0;
  for (let i = 0; i < v.atoms.length; i++) if (!known[v.atoms[i]]) n++;
  if (n === v.atoms.length) return v;
  const atoms = new Int32Array(n);
  const coef = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < v.atoms.length; i++) {
    if (known[v.atoms[i]]) continue;
    atoms[j] = v.atoms[i];
    coef[j++] = v.coef[i];
  }
  return { atoms, coef };
}
