/**
 * A failed job's reason in the app's language. Jobs store the English text our code (and the engines' error mapping)
 * wrote; the English `common:job.failure.*` texts are those same words, so a stored text that equals one of them
 * (placeholders match any value) is shown from the catalog. Any other text (an engine's own words) is shown as stored.
 */
import type { TFunction } from "i18next";
import common from "@/i18n/locales/en/common.json";

type FailureKey = keyof typeof common.job.failure;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each English text as an exact pattern, its `{{placeholders}}` as named groups. */
const PATTERNS = (Object.entries(common.job.failure) as [FailureKey, string][]).map(([key, text]) => ({
  key,
  pattern: new RegExp(`^${escape(text).replace(/\\\{\\\{(\w+)\\\}\\\}/g, "(?<$1>.+?)")}$`),
}));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's t: the key below names its namespace
export function failureReason(t: TFunction<any>, stored: string): string {
  const text = stored.trim();
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return t(`common:job.failure.${key}`, { ...match.groups, defaultValue: stored }) as string;
  }
  return stored;
}
