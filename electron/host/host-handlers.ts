import type { ParsedRequestOf, ResponseOf } from '../../shared/api/contract';

/** Methods the host answers itself (native dialogs); see shared/api/methods/host.ts. */
export type HostMethodName = 'dialog.openFile' | 'dialog.openFolder' | 'dialog.saveFile';

export type HostHandlers = {
  [M in HostMethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>>;
};

/** Hosts without native dialogs (the Chromium shell): every dialog answers "no path", the UI keeps its path field. */
export const noDialogHostHandlers: HostHandlers = {
  'dialog.openFile': async () => ({ path: null }),
  'dialog.openFolder': async () => ({ path: null }),
  'dialog.saveFile': async () => ({ path: null }),
};
