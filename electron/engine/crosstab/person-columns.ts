import type { ColumnarIndex } from '../cohort/columnar-index';

/**
 * Every person-level column as an Int16Array, so the counting loops see one array type at every
 * read and stay monomorphic in V8 (a loop that meets Uint8, Int16 and Uint16 columns turns
 * polymorphic and several times slower). Int16 columns are used as they are, the nationality
 * index (Uint16, far below 32,768 codes) is read through an Int16 view of the same memory, and
 * the small Uint8 columns get an Int16 copy kept with the index (2 bytes a person, made once).
 */
export function int16Column(ix: ColumnarIndex, column: Uint8Array | Int16Array | Uint16Array): Int16Array {
  if (column instanceof Int16Array) return column;
  if (column instanceof Uint16Array) return new Int16Array(column.buffer, column.byteOffset, column.length);
  const key = 'int16';
  let copies = ix.derived.get(key) as Map<Uint8Array, Int16Array> | undefined;
  if (!copies) ix.derived.set(key, (copies = new Map()));
  let copy = copies.get(column);
  // The KBI columns are filled in place by loadExtras: callers load them before asking (as categorise does).
  if (!copy) copies.set(column, (copy = Int16Array.from(column)));
  return copy;
}
