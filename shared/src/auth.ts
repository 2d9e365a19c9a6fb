import { z } from "zod";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";
import { currentPasswordSchema, displayNameSchema, languageSchema, passwordSchema } from "./auth-forms";

export * from "./auth-forms";

/**
 * Accounts: the request/response contracts of /api/auth/*, /api/account/* and /api/admin/users|stats.
 * Forms use the same schemas through zodResolver, so the client shows the rules the server enforces.
 */

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
