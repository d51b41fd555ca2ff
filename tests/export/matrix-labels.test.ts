import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { MatrixDefinition, MatrixKind } from '../../shared/matrix/matrix-definition';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { buildMatrixTables } from '../../electron/engine/export/build-tables';
import { makeFixtureSession } from '../support/matrix-fixture';

/** An exported matrix says what its rows, columns and diagonal are, per definition (issue 13, labels). */
let session: OpenSession;
beforeAll(() => (session = makeFixtureSession({ seed: 5, persons: 800, referenceDate: '2025-06-30' })));
afterAll(() => session.close());

const build = (kind: MatrixKind, lang: 'nl' | 'en') =>
  buildMatrixTables(session, CohortDefinition.parse({}), MatrixDefinition.parse({ kind, level: 'region' }), DEFAULT_POLICY, lang);

describe('labels per definition in an export', () => {
  it('every definition has its own corner label; the state one is unchanged', () => {
    const corners = MatrixKind.options.map((k) => build(k, 'nl').tables[0].corner);
    expect(new Set(corners).size).toBe(MatrixKind.options.length);
    expect(corners[MatrixKind.options.indexOf('state')]).toBe('Bij beslissing \\ op einddatum');
    expect(build('all-moves', 'en').tables[0].corner).toBe('From \\ to (every move)');
  });

  it('all-moves names its diagonal "moves within the area", never stayers or retention', () => {
    const nl = build('all-moves', 'nl').measures!.header;
    expect(nl).toContain('Verhuizingen binnen het gebied');
    expect(nl).not.toContain('Blijvers');
    expect(nl).not.toContain('Retentie');
    const en = build('all-moves', 'en').measures!.header;
    expect(en).toContain('Moves within the area');
    expect(en).toContain('Share of moves within the area');
    expect(build('state', 'en').measures!.header).toEqual(expect.arrayContaining(['Stayers', 'Retention']));
  });
});
