import { dictionary } from "@zxcvbn-ts/language-common";
import type { ZodType } from "zod";

/**
 * Refuses passwords from zxcvbn-ts's list of ~49,000 common passwords (offline, compared case-insensitively).
 * Server-side only: the list is ~380 KB, too much for the sign-up form's bundle, and the forms already show the
 * server's field errors under the password field.
 */
export const COMMON_PASSWORD_MESSAGE =
  "This password is one of the most common ones and easy to guess. Choose a longer or less predictable one, like a few unrelated words.";

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  return common.has(password.toLowerCase()) || common.has(password.trim().toLowerCase());
}

/** `schema` with its chosen-password field (`field`) refused when it is a common password. */
export function refusingCommonPasswords<S extends ZodType>(schema: S, field: string): S {
  return schema.superRefine((value, ctx) => {
    const password = (value as Record<string, unknown> | null)?.[field];
    if (typeof password === "string" && isCommonPassword(password))
      ctx.addIssue({ code: "custom", path: [field], message: COMMON_PASSWORD_MESSAGE });
  }) as unknown as S;
}
