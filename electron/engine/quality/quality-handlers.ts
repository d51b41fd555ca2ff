import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import type { QualityReport } from '../../../shared/quality/quality-report';
import { requireSession, sessionPolicy } from '../export/release';
import { qualityCounts } from './quality-counts';
import { releaseQualityReport } from './quality-export';
import { settledSession } from '../export/release';

const CACHE_KEY = 'quality-report';

/** The report of the open extract, counted once per session (the extract is read-only). */
export function qualityReportOf(state: EngineState): QualityReport {
  const session = requireSession(state);
  const threshold = sessionPolicy(state).policy.threshold;
  let counted = session.cache.get(CACHE_KEY) as Omit<QualityReport, 'threshold'> | undefined;
  if (!counted) {
    const started = performance.now();
    const c = qualityCounts(session);
    counted = { referenceDate: session.summary.referenceDate, ...c, computeMs: performance.now() - started };
    session.cache.set(CACHE_KEY, counted);
  }
  // The threshold may have been tightened since: always the policy in force.
  return { ...counted, threshold };
}

export function qualityHandlers(state: EngineState): HandlerTable<'quality.report' | 'export.quality'> {
  return {
    'quality.report': () => qualityReportOf(state),
    'export.quality': async (req) => {
      // The report is counted only once the fingerprint check settled (see settledSession).
      await settledSession(state);
      return releaseQualityReport(state, req, qualityReportOf(state));
    },
  };
}
