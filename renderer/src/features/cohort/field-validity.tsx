import { createContext, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';

/**
 * Fields that hold an invalid entry (an inverted age or date range) report it here. The
 * cohort view then shows no person count: the last valid cohort's n beside an error
 * would read as the count of what is on the screen.
 */
interface Validity {
  report(id: string, invalid: boolean): void;
}

const ValidityContext = createContext<Validity>({ report: () => undefined });

export function FieldValidityProvider({ children, onChange }: { children: ReactNode; onChange: (invalidFields: number) => void }) {
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const value = useMemo<Validity>(
    () => ({
      report: (id, bad) =>
        setInvalid((prev) => {
          if (prev.has(id) === bad) return prev;
          const next = new Set(prev);
          if (bad) next.add(id);
          else next.delete(id);
          return next;
        }),
    }),
    [],
  );
  useEffect(() => onChange(invalid.size), [invalid, onChange]);
  return <ValidityContext.Provider value={value}>{children}</ValidityContext.Provider>;
}

/** A field says whether what it shows is invalid; unmounting clears it. */
export function useReportInvalid(invalid: boolean): void {
  const id = useId();
  const { report } = useContext(ValidityContext);
  useEffect(() => {
    report(id, invalid);
  }, [id, invalid, report]);
  useEffect(() => () => report(id, false), [id, report]);
}
