import { DEFAULT_POLICY, applyAdminPolicy, type ActivePolicy, type DisclosurePolicy, type UserPolicy } from '../../../../shared/disclosure/policy';

/** The floor the user cannot go below: the defaults raised by the administrator's file. */
export const policyFloor = (active: ActivePolicy): DisclosurePolicy => applyAdminPolicy(DEFAULT_POLICY, active.admin);

/** What the tighten form offers: every control bounded by the floor, so looser values cannot even be chosen. */
export interface TightenLimits {
  minThreshold: number;
  /** Rounding bases at or above the floor's. */
  roundingBases: (3 | 5)[];
  methodLocked: boolean;
  zerosLocked: boolean;
  csvLocked: boolean;
  maxIdleMinutes: number;
}

export function tightenLimits(active: ActivePolicy): TightenLimits {
  const floor = policyFloor(active);
  return {
    minThreshold: floor.threshold,
    roundingBases: ([3, 5] as const).filter((b) => b >= floor.roundingBase),
    methodLocked: active.admin?.forceRounding === true,
    zerosLocked: floor.zerosUnsafe,
    csvLocked: !floor.allowCsv,
    maxIdleMinutes: floor.idleLockMinutes,
  };
}

/**
 * The user's choices to store, from the form: clamped to the limits (a typed value below the
 * floor becomes the floor) and only the settings that differ from the floor.
 */
export function userChoices(active: ActivePolicy, form: DisclosurePolicy): UserPolicy {
  const floor = policyFloor(active);
  const limits = tightenLimits(active);
  const out: UserPolicy = {};
  const threshold = Number.isFinite(form.threshold) ? Math.max(limits.minThreshold, Math.min(1000, Math.round(form.threshold))) : floor.threshold;
  if (threshold !== floor.threshold) out.threshold = threshold;
  if (!limits.methodLocked && form.method !== floor.method) out.method = form.method;
  if (form.roundingBase > floor.roundingBase) out.roundingBase = form.roundingBase;
  if (form.zerosUnsafe && !floor.zerosUnsafe) out.zerosUnsafe = true;
  if (!form.allowCsv && floor.allowCsv) out.allowCsv = false;
  const idle = Number.isFinite(form.idleLockMinutes) ? Math.max(1, Math.min(limits.maxIdleMinutes, Math.round(form.idleLockMinutes))) : floor.idleLockMinutes;
  if (idle !== floor.idleLockMinutes) out.idleLockMinutes = idle;
  return out;
}
