import { reasonOfChar } from '../../../../shared/disclosure/protection';

/** The class of a cell that disclosure control will protect, as in the matrix view (hatched, with its mark). */
export function protectedClass(status: string | undefined): string {
  const reason = status ? reasonOfChar(status) : null;
  return reason ? ` cell--protected cell--protected-${reason}` : '';
}
