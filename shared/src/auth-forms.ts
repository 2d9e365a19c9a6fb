import { z } from "zod";
import { LANGUAGES } from "./languages";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/**
 * The forms of the signed-out pages (sign-in, sign-up, two-step sign-in, verify e-mail, forgot/reset password) and
 * the fields they share with the account's own schemas (auth.ts, which re-exports all of this). A module of their
 * own so those pages build only these schemas when they load, not every account and admin contract
 * (docs/decisions/performance.md: the sign-in page's boot).
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

export const totpFormSchema = z.object({ code: totpCodeSchema, trustDevice: z.boolean().optional() });
export const backupCodeFormSchema = z.object({ code: backupCodeSchema, trustDevice: z.boolean().optional() });
