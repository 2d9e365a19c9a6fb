import { z } from "zod";
import { LANGUAGES } from "./languages";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/**
 * Accounts: the request/response contracts of /api/auth/*, /api/account/* and /api/admin/users|stats.
 * Forms use the same schemas through zodResolver, so the client shows the rules the server enforces.
 */

export const emailSchema = z
  .string({ error: vm("account.emailRequired") })
  .trim()
  .min(1, vm("account.emailRequired"))
  .max(254, vm("account.emailTooLong"))
  .pipe(z.email(vm("account.emailInvalid")))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string({ error: vm("account.passwordRequired") })
  .min(LIMITS.passwordMinLength, vm("common.atLeastChars", { min: LIMITS.passwordMinLength }))
  .max(LIMITS.passwordMaxLength, vm("common.atMostChars", { max: LIMITS.passwordMaxLength }));

/** Any non-empty password (sign-in, re-authentication): the rules apply when it is chosen, not when typed. */
export const currentPasswordSchema = z
  .string({ error: vm("account.currentPasswordRequired") })
  .min(1, vm("account.currentPasswordRequired"))
  .max(LIMITS.passwordMaxLength);

export const displayNameSchema = z
  .string({ error: vm("account.nameRequired") })
  .trim()
  .min(1, vm("account.nameRequired"))
  .max(LIMITS.nameMaxLength, vm("common.atMostChars", { max: LIMITS.nameMaxLength }));

export const totpCodeSchema = z
  .string({ error: vm("account.totpRequired") })
  .trim()
  .regex(/^\d{6}$/, vm("account.totpInvalid"));

export const backupCodeSchema = z
  .string({ error: vm("account.backupCodeRequired") })
  .trim()
  .regex(/^[A-Za-z0-9-]{6,32}$/, vm("account.backupCodeInvalid"));

export const languageSchema = z.enum(LANGUAGES.map((l) => l.id) as [string, ...string[]], {
  error: vm("account.languageInvalid"),
});

export const registerRequestSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  /** The device's language: the account starts in it (the confirmation mail too). */
  language: languageSchema.optional(),
});
export type RegisterRequest = z.input<typeof registerRequestSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  /** false: the session ends with the browser session (and at most after a day). */
  rememberMe: z.boolean().optional(),
  /** API clients may pass the TOTP code up front; the UI asks for it in a second step. */
  code: totpCodeSchema.optional(),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const tokenSchema = z
  .string({ error: vm("account.tokenMissing") })
  .trim()
  .min(8, vm("account.tokenIncomplete"))
  .max(2048);

export const verifyEmailRequestSchema = z.object({ token: tokenSchema });
export const emailOnlyRequestSchema = z.object({ email: emailSchema });

export const resetPasswordRequestSchema = z.object({ token: tokenSchema, password: passwordSchema });
export const resetPasswordFormSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: vm("account.passwordsDiffer") });

export const changePasswordRequestSchema = z
  .object({ currentPassword: currentPasswordSchema, newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: vm("account.passwordReused"),
  });
export const changePasswordFormSchema = z
  .object({ currentPassword: currentPasswordSchema, newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: vm("account.passwordsDiffer"),
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: vm("account.passwordReused"),
  });


export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const timezoneSchema = z.string().trim().refine(isValidTimeZone, vm("account.timezoneInvalid"));

/** Minutes of inactivity after which a session ends; null = only the normal 30-day expiry. */
export const SESSION_TIMEOUTS = [null, 30, 240, 1440, 10080] as const;
export const sessionTimeoutSchema = z
  .number()
  .int()
  .nullable()
  .refine((v) => (SESSION_TIMEOUTS as readonly (number | null)[]).includes(v), vm("account.sessionTimeoutInvalid"));

export const updateProfileRequestSchema = z
  .object({
    name: displayNameSchema.optional(),
    timezone: timezoneSchema.optional(),
    language: languageSchema.optional(),
    /** Whether other people may see the avatar (shared pages, comments). */
    publicAvatar: z.boolean().optional(),
    sessionTimeoutMinutes: sessionTimeoutSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), vm("common.nothingToUpdate"));
export type UpdateProfileRequest = z.input<typeof updateProfileRequestSchema>;

export const profileFormSchema = z.object({
  name: displayNameSchema,
  timezone: timezoneSchema,
  language: languageSchema,
});

export const onboardingUpdateSchema = z.object({
  step: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, vm("account.onboardingStepUnknown")),
  done: z.boolean().default(true),
});

export const deleteAccountRequestSchema = z.object({
  /** Required when the account has a password; OAuth-only accounts re-authenticate by a fresh sign-in. */
  password: z.string().max(LIMITS.passwordMaxLength).optional(),
  confirm: z.literal("DELETE", { error: vm("account.confirmDelete") }),
});

export const enableTwoFactorFormSchema = z.object({ password: currentPasswordSchema });
export const disableTwoFactorFormSchema = z.object({ password: currentPasswordSchema });
export const totpFormSchema = z.object({ code: totpCodeSchema, trustDevice: z.boolean().optional() });
export const backupCodeFormSchema = z.object({ code: backupCodeSchema, trustDevice: z.boolean().optional() });

// ---- responses ----

export const meUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** Avatar URL (`/api/avatars/<id>?v=<n>`; add `&size=64|256`), or null. */
  image: z.string().nullable(),
  emailVerified: z.boolean(),
  role: z.string(),
  twoFactorEnabled: z.boolean(),
  creditsBalance: z.number(),
  subscriptionTier: z.string(),
  timezone: z.string(),
  language: z.string(),
  publicAvatar: z.boolean(),
  sessionTimeoutMinutes: z.number().nullable(),
  onboardingState: z.record(z.string(), z.boolean()),
  hasPassword: z.boolean(),
  /** A "Try demo" guest (local engine only, small quota) until they create an account with POST /api/auth/guest/upgrade. */
  isGuest: z.boolean().default(false),
  createdAt: z.string(),
  lastLogin: z.string().nullable(),
});
export type MeUser = z.infer<typeof meUserSchema>;

export const meResponseSchema = z.object({
  user: meUserSchema,
  session: z.object({ id: z.string(), expiresAt: z.string(), createdAt: z.string() }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const loginResponseSchema = z.union([
  z.object({ twoFactorRequired: z.literal(false), user: meUserSchema }),
  z.object({ twoFactorRequired: z.literal(true), methods: z.array(z.string()) }),
]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const sessionInfoSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  browser: z.string(),
  os: z.string(),
  device: z.enum(["desktop", "mobile", "tablet", "unknown"]),
  ipAddress: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const authConfigSchema = z.object({
  /** Mail is kept in the local dev mailbox (/dev/mailbox) because no SMTP server is configured. */
  devMailbox: z.boolean(),
  providers: z.object({ github: z.boolean(), google: z.boolean() }),
  signupCredits: z.number(),
  passwordMinLength: z.number(),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const devMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.string(),
});
export type DevMail = z.infer<typeof devMailSchema>;

export * from "./auth-admin";
