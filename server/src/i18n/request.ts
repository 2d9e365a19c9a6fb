/**
 * The language of a request's answer (API messages): the client sends the language it shows in `Accept-Language`
 * (client/src/lib/api.ts and rpc.ts); without one (CLI, scripts with a key) the account's language; else English.
 * Only languages with complete catalogs in the repository are chosen (TRANSLATED_LANGUAGE_IDS).
 */
import { negotiateLanguage, TRANSLATED_LANGUAGE_IDS } from "@image-studio/shared/languages";
import type { Context } from "hono";
import type { AppEnv } from "../context";

export type ApiLanguage = (typeof TRANSLATED_LANGUAGE_IDS)[number];

const isTranslated = (id: string | null | undefined): id is ApiLanguage => !!id && (TRANSLATED_LANGUAGE_IDS as readonly string[]).includes(id);

/** Generic so a route behind requireUser (whose env narrows `user`) can pass its context. */
export function requestLanguage<E extends AppEnv>(c: Context<E>): ApiLanguage {
  const header = c.req.header("accept-language");
  if (header) return negotiateLanguage(header, TRANSLATED_LANGUAGE_IDS, "en");
  const stored = c.get("user")?.language;
  return isTranslated(stored) ? stored : "en";
}
