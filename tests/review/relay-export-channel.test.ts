import { expect, test } from 'vitest';
import { noDialogHostHandlers } from '../../electron/host/host-handlers';
import { createRelay } from '../../electron/ipc/relay';
import { DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import { fakeEngine } from '../electron/fakes';

// The audit log says where an export came from (the UI shows "(CLI)" for the command line's).
// A request that crosses the renderer boundary is the UI's, whatever it claims.
test('an export.matrix request from the renderer is recorded as the UI’s, even when it claims the CLI', async () => {
  const { engine } = fakeEngine();
  const relay = createRelay({ engine, host: noDialogHostHandlers });
  const definition = { kind: 'state', level: 'region', vintage: '2019' };
  const r = await relay('export.matrix', { cohort: DEFAULT_COHORT, definition, format: 'xlsx', path: '/tmp/out.xlsx', channel: 'cli' }, true);
  expect(r.ok).toBe(true);
  const [method, sent] = engine.call.mock.calls[0] as [string, { channel: string }];
  expect(method).toBe('export.matrix');
  expect(sent.channel).toBe('ui');
});

test('an export.quality request from the renderer is recorded as the UI’s, even when it claims the CLI', async () => {
  const { engine } = fakeEngine();
  const relay = createRelay({ engine, host: noDialogHostHandlers });
  const r = await relay('export.quality', { format: 'csv', path: '/tmp/quality.csv', channel: 'cli' }, true);
  expect(r.ok).toBe(true);
  const [method, sent] = engine.call.mock.calls[0] as [string, { channel: string }];
  expect(method).toBe('export.quality');
  expect(sent.channel).toBe('ui');
});
