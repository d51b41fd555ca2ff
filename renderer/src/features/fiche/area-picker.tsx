import { useId, useMemo, useState } from 'react';
import type { Area } from '../../../../shared/geo/area-level';
import { matchesSearch } from '../../components/search-match';
import { useMatrixText } from '../matrix/matrix-i18n';

interface Props {
  areas: Area[];
  selected: string | null;
  onSelect: (code: string) => void;
}

const MAX_SHOWN = 60;

/** A searchable list of areas (name in NL or FR, or NIS code); arrows and Enter work. */
export function AreaPicker({ areas, selected, onSelect }: Props) {
  const { mt } = useMatrixText();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const hits = useMemo(() => areas.filter((a) => !a.special && matchesSearch(query, a.nameNl, a.nameFr, a.code)).slice(0, MAX_SHOWN), [areas, query]);
  const pick = (a: Area | undefined): void => {
    if (!a) return;
    onSelect(a.code);
    setQuery(a.nameNl);
    setOpen(false);
  };
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') pick(hits[active]);
    else return;
    e.preventDefault();
  };
  return (
    <div className="matrix-controls__field fiche-picker__field">
      <label className="field__label" htmlFor={`${listId}-input`}>
        {mt('fiche.area')}
      </label>
      <input
        id={`${listId}-input`}
        className="input"
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `${listId}-${hits[active].code}` : undefined}
        placeholder={mt('fiche.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
        data-testid="fiche-search"
        autoComplete="off"
      />
      <ul id={listId} className="fiche-picker__list" hidden={!open} role="listbox" aria-label={mt('fiche.area')} data-testid="fiche-options">
        {hits.length === 0 && <li aria-disabled="true">{mt('fiche.noResults')}</li>}
        {hits.map((a, i) => (
          <li
            key={a.code}
            id={`${listId}-${a.code}`}
            role="option"
            aria-selected={a.code === selected || i === active}
            data-code={a.code}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(a);
            }}
          >
            {a.nameNl}
            {a.nameFr && a.nameFr !== a.nameNl ? ` / ${a.nameFr}` : ''} <small>({a.code})</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
