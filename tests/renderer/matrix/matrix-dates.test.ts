import { describe, expect, it } from 'vitest';
import { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import type { MatrixChoice } from '../../../renderer/src/features/matrix/matrix-controls';
import { choiceDates } from '../../../renderer/src/features/matrix/matrix-dates';

const base: MatrixChoice = {
  kind: 'state', level: 'arrondissement', vintage: '2019', measure: 'counts', followUpMonths: null, nameLang: 'nl',
  originDate: '2016-12-31', destinationDate: '2017-12-31', periodFrom: '2016-01-01', periodTo: '2016-12-31',
};
const definition = (c: MatrixChoice) => MatrixDefinition.parse({ kind: c.kind, level: c.level, vintage: c.vintage, ...choiceDates(c) });

describe('matrix dates chosen in the controls', () => {
  it('sends origin and destination dates for a state matrix only', () => {
    expect(definition(base)).toMatchObject({ originDate: '2016-12-31', destinationDate: '2017-12-31', period: null });
    expect(definition({ ...base, kind: 'first-move' })).toMatchObject({ originDate: null, destinationDate: null, period: null });
  });

  it('sends the all-moves period once both ends are filled in and in order', () => {
    expect(definition({ ...base, kind: 'all-moves' })).toMatchObject({ originDate: null, period: { from: '2016-01-01', to: '2016-12-31' } });
    expect(definition({ ...base, kind: 'all-moves', periodTo: null }).period).toBeNull();
    expect(definition({ ...base, kind: 'all-moves', periodFrom: '2017-01-01' }).period).toBeNull();
  });
});
