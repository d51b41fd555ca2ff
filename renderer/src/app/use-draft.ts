import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatrixViewSettings, WorkspaceDraft } from '../../../shared/api/methods/session-state';
import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { settle, verhuis } from '../api/verhuis';
import type { CohortIdentity } from '../features/cohort/cohort-identity';

/** The cohort identity a draft carries (older drafts: a name only, taken as saved and unchanged). */
export function draftIdentity(d: WorkspaceDraft): CohortIdentity | null {
  if (!d.cohortName) return null;
  return { name: d.cohortName, source: d.cohortSource ?? 'saved', base: d.cohortBase ?? d.cohort };
}

/** Autosave waits this long after the last change: one write per burst of clicks. */
const AUTOSAVE_DELAY_MS = 1000;

interface DraftState {
  cohort: CohortDefinition;
  identity: CohortIdentity | null;
  matrix: MatrixViewSettings;
}

/**
 * "Nothing lost on a crash": while an extract is open, the working state (cohort being built,
 * matrix choices) is autosaved into the extract's encrypted workspace; on opening, a previous
 * draft is restored. `session` changes per opened extract (null when none is open).
 * Returns when the restored draft was saved (ISO), or null when nothing was restored.
 */
export function useDraft(session: string | null, current: DraftState, restore: (draft: WorkspaceDraft) => void) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  // Autosave only once the previous draft was read: else the defaults would overwrite it.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  // The "restored" notice is shown once per restored state: dismissed, it stays away on the next
  // reopen until the working state changes again.
  const seenRef = useRef(false);
  const restoredKeyRef = useRef<string | null>(null);

  useEffect(() => {
    setRestoredAt(null);
    setLoadedFor(null);
    if (session === null) return undefined;
    let live = true;
    void (async () => {
      const r = await settle(() => verhuis().workspace.loadDraft({}));
      if (!live) return;
      if (r.ok && r.value.draft) {
        const d = r.value.draft;
        restoreRef.current(d);
        seenRef.current = d.noticeSeen;
        restoredKeyRef.current = stateKey(d.cohort, draftIdentity(d), d.matrix);
        if (!d.noticeSeen) setRestoredAt(r.value.savedAt);
      }
      setLoadedFor(session);
    })();
    return () => {
      live = false;
    };
  }, [session]);

  const { cohort, identity, matrix } = current;
  const save = useCallback(() => {
    const named = identity ? { cohortName: identity.name, cohortSource: identity.source, cohortBase: identity.base } : { cohortName: null };
    const noticeSeen = seenRef.current && stateKey(cohort, identity, matrix) === restoredKeyRef.current;
    void settle(() => verhuis().workspace.saveDraft({ draft: { cohort, ...named, matrix, noticeSeen } }));
  }, [cohort, identity, matrix]);
  useEffect(() => {
    if (session === null || loadedFor !== session) return undefined;
    const timer = setTimeout(save, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [session, loadedFor, save]);

  const dismiss = useCallback(() => {
    setRestoredAt(null);
    seenRef.current = true;
    if (session !== null && loadedFor === session) save();
  }, [session, loadedFor, save]);
  return { restoredAt, dismiss };
}

const stateKey = (cohort: CohortDefinition, identity: CohortIdentity | null, matrix: MatrixViewSettings | null): string =>
  JSON.stringify([cohort, identity, matrix]);
