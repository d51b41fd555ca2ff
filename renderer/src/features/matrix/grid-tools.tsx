import { useId, useState } from 'react';
import { matchesSearch } from '../../components/search-match';
import type { GridRow } from './grid-rows';
import { useMatrixNotes } from './matrix-notes-i18n';

interface Props {
  rows: GridRow[];
  hideEmpty: boolean;
  onHideEmpty: (hide: boolean) => void;
  /** Scroll the grid to this origin row (and its column). */
  onJump: (code: string) => void;
}

/** Above the grid: hide empty rows and columns; jump to one area among hundreds by name or NIS code. */
export function GridTools({ rows, hideEmpty, onHideEmpty, onJump }: Props) {
  const { nt } = useMatrixNotes();
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const listId = useId();
  const go = (text: string): void => {
    const q = text.trim();
    if (q === '') return;
    // An exact pick from the list first ("Gent (44021)"), else the first name or code that matches.
    const hit = rows.find((r) => `${r.name} (${r.code})` === q) ?? rows.find((r) => matchesSearch(q, r.name, r.code));
    setMissing(!hit);
    if (hit) onJump(hit.code);
  };
  return (
    <div className="grid-tools" data-testid="grid-tools">
      <label className="matrix-controls__check">
        <input type="checkbox" checked={hideEmpty} onChange={(e) => onHideEmpty(e.target.checked)} data-testid="grid-hide-empty" />
        {nt('hideEmpty')}
      </label>
      <form
        className="grid-tools__jump"
        onSubmit={(e) => {
          e.preventDefault();
          go(query);
        }}
      >
        <label className="sr-only" htmlFor={`${listId}-input`}>
          {nt('jumpTo')}
        </label>
        <input
          id={`${listId}-input`}
          className="input input--small"
          list={listId}
          value={query}
          placeholder={`${nt('jumpTo')}: ${nt('jumpPlaceholder')}`}
          onChange={(e) => {
            setQuery(e.target.value);
            setMissing(false);
            // Picking from the list fills the field with an exact entry: jump at once.
            if (rows.some((r) => `${r.name} (${r.code})` === e.target.value)) go(e.target.value);
          }}
          aria-invalid={missing || undefined}
          data-testid="grid-jump"
        />
        <datalist id={listId}>
          {rows.map((r) => (
            <option key={r.code} value={`${r.name} (${r.code})`} />
          ))}
        </datalist>
        {missing && <span className="field__error" role="alert">{nt('jumpNone')}</span>}
      </form>
    </div>
  );
}
