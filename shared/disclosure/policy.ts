import { z } from 'zod';

/**
 * Disclosure-control policy. The engine applies it to every table that leaves the app
 * (file, clipboard, CLI). Three layers: built-in defaults, an administrator's policy file
 * (system path per OS), and the user's own choices, which may tighten but never loosen.
 */
/**
 * suppression: small cells withheld ([c]) with secondary suppression; rounding: keyed random
 * rounding to base 3 or 5; perturbation: cell-key perturbation (bounded noise, the same
 * persons always give the same value), for flexible, exploratory releases.
 */
export const DisclosureMethod = z.enum(['suppression', 'rounding', 'perturbation']);
export type DisclosureMethod = z.infer<typeof DisclosureMethod>;

export const RoundingBase = z.union([z.literal(3), z.literal(5)]);
export type RoundingBase = z.infer<typeof RoundingBase>;

/** The policy in force, after merging defaults, the administrator's file and the user's choices. */
export const DisclosurePolicy = z.object({
  /** Minimum number of distinct persons in every published cell and margin. */
  threshold: z.number().int().min(2).max(1000),
  method: DisclosureMethod,
  roundingBase: RoundingBase,
  /** Zero cells are published by default; when unsafe they are protected like small cells. */
  zerosUnsafe: z.boolean(),
  allowCsv: z.boolean(),
  allowExport: z.boolean(),
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type DisclosurePolicy = z.infer<typeof DisclosurePolicy>;

export const DEFAULT_POLICY: DisclosurePolicy = {
  threshold: 10,
  method: 'suppression',
  roundingBase: 5,
  zerosUnsafe: false,
  allowCsv: true,
  allowExport: true,
  idleLockMinutes: 15,
};

/** The administrator's policy file (JSON). Unknown keys are refused so that typos do not pass silently. */
export const AdminPolicyFile = z
  .object({
    threshold: z.number().int().min(2).max(1000).optional(),
    forceRounding: z.boolean().optional(),
    roundingBase: RoundingBase.optional(),
    zerosUnsafe: z.boolean().optional(),
    forbidCsv: z.boolean().optional(),
    forbidExport: z.boolean().optional(),
    idleLockMinutes: z.number().int().min(1).max(240).optional(),
  })
  .strict();
export type AdminPolicyFile = z.infer<typeof AdminPolicyFile>;

const AbsolutePath = z
  .string()
  .min(2)
  .max(1024)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute path');

/**
 * Settings only the administrator's file at the OS path may carry (the second file named by
 * VERHUIS_POLICY_FILE may not): where workspaces live, the site key of the audit chain, and
 * whether a packaged build listens to VERHUIS_POLICY_FILE at all.
 */
export const SiteSettings = z
  .object({
    /** The data folder (workspaces, release ledger, app log), fixed for every start; `{user}` is the OS user name. */
    dataDir: AbsolutePath.optional(),
    /** A file of at least 32 random bytes: audit entries are then chained with HMAC-SHA-256 under it. */
    siteKeyFile: AbsolutePath.optional(),
    /** Packaged builds read VERHUIS_POLICY_FILE only when this is true. */
    allowPolicyFileVariable: z.boolean().optional(),
  })
  .strict();
export type SiteSettings = z.infer<typeof SiteSettings>;

/** The file at the OS path: the disclosure settings plus the site settings. */
export const SystemPolicyFile = AdminPolicyFile.extend(SiteSettings.shape).strict();
export type SystemPolicyFile = z.infer<typeof SystemPolicyFile>;

/**
 * Two administrators' files together, setting by setting the stricter: the second file
 * (VERHUIS_POLICY_FILE) can only add restrictions to the file at the OS path.
 */
export function stricterAdmin(a: AdminPolicyFile | null, b: AdminPolicyFile | null): AdminPolicyFile | null {
  if (!a || !b) return a ?? b;
  const max = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.max(x, y));
  const min = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.min(x, y));
  const or = (x?: boolean, y?: boolean) => (x === undefined && y === undefined ? undefined : x === true || y === true);
  const out: AdminPolicyFile = {
    threshold: max(a.threshold, b.threshold),
    forceRounding: or(a.forceRounding, b.forceRounding),
    roundingBase: max(a.roundingBase, b.roundingBase) as RoundingBase | undefined,
    zerosUnsafe: or(a.zerosUnsafe, b.zerosUnsafe),
    forbidCsv: or(a.forbidCsv, b.forbidCsv),
    forbidExport: or(a.forbidExport, b.forbidExport),
    idleLockMinutes: min(a.idleLockMinutes, b.idleLockMinutes),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as AdminPolicyFile;
}

/** What the user may choose; each choice only counts where it is stricter than the layer below. */
export const UserPolicy = z
  .object({
    threshold: z.number().int().min(2).max(1000).optional(),
    method: DisclosureMethod.optional(),
    roundingBase: RoundingBase.optional(),
    zerosUnsafe: z.boolean().optional(),
    allowCsv: z.boolean().optional(),
    idleLockMinutes: z.number().int().min(1).max(240).optional(),
  })
  .strict();
export type UserPolicy = z.infer<typeof UserPolicy>;

/** Defaults plus the administrator's file: the floor the user cannot go below. */
export function applyAdminPolicy(base: DisclosurePolicy, admin: AdminPolicyFile | null): DisclosurePolicy {
  if (!admin) return { ...base };
  return {
    threshold: Math.max(base.threshold, admin.threshold ?? 0),
    method: admin.forceRounding ? 'rounding' : base.method,
    roundingBase: admin.roundingBase ?? base.roundingBase,
    zerosUnsafe: base.zerosUnsafe || admin.zerosUnsafe === true,
    allowCsv: base.allowCsv && admin.forbidCsv !== true,
    allowExport: base.allowExport && admin.forbidExport !== true,
    idleLockMinutes: Math.min(base.idleLockMinutes, admin.idleLockMinutes ?? Infinity),
  };
}

/**
 * The user's choices on top of the floor. Every field moves only in the strict direction:
 * a higher threshold, a larger rounding base, zeros unsafe, CSV off, a shorter idle lock.
 *
 * The method has no "stricter" order: suppression publishes exact values and withholds
 * small ones, rounding and perturbation publish every cell with bounded error, and each is a
 * complete protection on its own. So it stays a free choice, with two exceptions that win:
 * the administrator's forceRounding, and zeros declared unsafe, which rule out perturbation
 * (every true zero is published as 0, so the zero pattern largely shows) and fall back to suppression.
 */
export function tightenPolicy(floor: DisclosurePolicy, user: UserPolicy | null, adminForcesRounding: boolean): DisclosurePolicy {
  if (!user) return { ...floor };
  return {
    threshold: Math.max(floor.threshold, user.threshold ?? 0),
    method: mergedMethod(floor, user, adminForcesRounding),
    roundingBase: Math.max(floor.roundingBase, user.roundingBase ?? 0) as RoundingBase,
    zerosUnsafe: floor.zerosUnsafe || user.zerosUnsafe === true,
    allowCsv: floor.allowCsv && user.allowCsv !== false,
    allowExport: floor.allowExport,
    idleLockMinutes: Math.min(floor.idleLockMinutes, user.idleLockMinutes ?? Infinity),
  };
}

function mergedMethod(floor: DisclosurePolicy, user: UserPolicy, adminForcesRounding: boolean): DisclosureMethod {
  if (adminForcesRounding) return 'rounding';
  const method = user.method ?? floor.method;
  const zerosUnsafe = floor.zerosUnsafe || user.zerosUnsafe === true;
  return method === 'perturbation' && zerosUnsafe ? 'suppression' : method;
}

/** The active policy and where it came from, for the UI and the export metadata. */
export const ActivePolicy = z.object({
  policy: DisclosurePolicy,
  /** Path of the administrator's policy file that was read, or null when none exists. */
  adminFile: z.string().nullable(),
  /** The administrator's settings as read (for display). */
  admin: AdminPolicyFile.nullable(),
  user: UserPolicy.nullable(),
  /** Set when the administrator's file is invalid: output is then blocked. */
  adminError: z.string().nullable(),
  /** The second file named by VERHUIS_POLICY_FILE, when it was read (it can only tighten). */
  extraFile: z.string().nullable().optional(),
});
export type ActivePolicy = z.infer<typeof ActivePolicy>;
