import type { z } from 'zod';

/** One API method: the schema its request must pass and the schema of its answer. */
export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** Handled by the host (Electron main or the Chromium shell), not by the engine: e.g. file dialogs. */
  host?: true;
}

export const method = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  options: { host?: true } = {},
): MethodSpec<Req, Res> => ({ request, response, ...options });
