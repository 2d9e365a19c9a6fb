/**
 * zod's own messages ("Too small: expected string to have >=1 characters") in the reader's language, from zod's
 * locales. Pass the result as the per-parse `error` option: it ranks below a schema's own messages (those are
 * translated by key, validation-messages.ts) and above zod's global English.
 */
import { de, es } from "zod/locales";
import type { z } from "zod";

const LOCALES: Record<string, () => { localeError: z.core.$ZodErrorMap }> = { de, es };
const made = new Map<string, z.core.$ZodErrorMap>();

/** The error map for zod's built-in messages in `language`; undefined for English (zod's default) and unknown ones. */
export function zodLocaleError(language: string): z.core.$ZodErrorMap | undefined {
  const locale = Object.hasOwn(LOCALES, language) ? LOCALES[language] : undefined;
  if (!locale) return undefined;
  if (!made.has(language)) made.set(language, locale().localeError);
  return made.get(language);
}
