import { z } from 'zod';
import { WorkspaceDraft } from '../../../shared/api/methods/session-state';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { getWorkspaceSetting, setWorkspaceSetting } from './workspace-settings';

/** One settings key per workspace: the autosaved working state (cohort being built, matrix choices). */
export const DRAFT_KEY = 'session.draft';

const StoredDraft = z.object({ savedAt: z.string(), draft: WorkspaceDraft });

type DraftMethods = 'workspace.saveDraft' | 'workspace.loadDraft';

export function draftHandlers(state: EngineState): HandlerTable<DraftMethods> {
  const session = () => {
    if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
    return state.session;
  };
  return {
    'workspace.saveDraft': ({ draft }) => {
      const savedAt = new Date().toISOString();
      setWorkspaceSetting(session().workspace, DRAFT_KEY, { savedAt, draft });
      return { savedAt };
    },
    'workspace.loadDraft': () => {
      const ws = session().workspace;
      let raw: unknown;
      try {
        raw = getWorkspaceSetting<unknown>(ws, DRAFT_KEY);
      } catch {
        // Unreadable draft (e.g. from a half-written older version): start clean rather than fail the open.
        return { draft: null, savedAt: null };
      }
      const parsed = StoredDraft.safeParse(raw);
      return parsed.success ? parsed.data : { draft: null, savedAt: null };
    },
  };
}
