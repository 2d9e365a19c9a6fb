/** Global search (GET /api/search): one query over images, projects, collections and prompts, ranked alike on the
 * server and over the device's offline copy. */
import { z } from "zod";
import { SEARCH_TYPES } from "./search-rank";
import { vm } from "./validation-messages";

export * from "./search-rank";

const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const globalSearchQuerySchema = z.object({
  q: z.string().trim().min(1, vm("common.searchRequired")).max(200, vm("common.searchTooLong")),
  /** One kind, or every kind ("all", the default) — suggestions ask for all with a small limit. */
  type: z.enum(["all", ...SEARCH_TYPES]).default("all"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Image filters. */
  favorite: boolParam.optional(),
  modelId: z.string().trim().min(1).max(200).optional(),
  /** Projects: include archived ones. */
  archived: boolParam.optional(),
});
export type GlobalSearchQuery = z.output<typeof globalSearchQuerySchema>;
export type GlobalSearchQueryInput = z.input<typeof globalSearchQuerySchema>;

export const searchHitSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string(),
  /** Which field matched best ("prompt", "tag", "name", …). */
  matchedIn: z.string(),
  score: z.number(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const globalSearchResponseSchema = z.object({
  q: z.string(),
  images: z.array(searchHitSchema),
  projects: z.array(searchHitSchema),
  collections: z.array(searchHitSchema),
  prompts: z.array(searchHitSchema),
});
export type GlobalSearchResponse = z.infer<typeof globalSearchResponseSchema>;
