import { z } from "zod";
import { tagSchema } from "./images";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/** Contracts of the prompt library (saved prompts). Created online or offline; ids are client-minted. */

const title = z.string().trim().min(1, vm("library.promptTitleRequired")).max(LIMITS.nameMaxLength);
const tags = z
  .array(tagSchema)
  .max(LIMITS.tagsPerImage)
  .transform((t) => [...new Set(t)]);

/** A template's named variables and their values: `{ animal: ["cat", "dog"] }` fills `{animal}`. */
export const PROMPT_VARIABLES_MAX = 20;
export const PROMPT_VARIABLE_VALUES_MAX = 100;
export const promptVariablesSchema = z
  .record(
    z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, vm("library.variableNameInvalid")),
    z.array(z.string().trim().min(1, vm("library.emptyValue")).max(200)).max(PROMPT_VARIABLE_VALUES_MAX, vm("library.atMostValuesPerVariable", { max: PROMPT_VARIABLE_VALUES_MAX })),
  )
  .refine((v) => Object.keys(v).length <= PROMPT_VARIABLES_MAX, vm("batch.atMostVariables", { max: PROMPT_VARIABLES_MAX }));
export type PromptVariables = z.infer<typeof promptVariablesSchema>;

export const promptCreateSchema = z
  .object({
    id: z.uuid().transform((s) => s.toLowerCase()),
    title,
    promptText: z.string().trim().min(1, vm("library.promptTextRequired")).max(LIMITS.promptMaxLength),
    negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).optional(),
    category: z.string().trim().max(80).nullable().optional(),
    tags: tags.optional(),
    isFavorite: z.boolean().optional(),
    isTemplate: z.boolean().optional(),
    variables: promptVariablesSchema.optional(),
  })
  .strict();
export type PromptCreate = z.input<typeof promptCreateSchema>;

export const promptUpdateSchema = promptCreateSchema
  .omit({ id: true })
  .extend({
    /** Publish to (or take off) the community list. */
    isPublic: z.boolean(),
    /** One of the owner's images shown with the published prompt. */
    exampleImageId: z.uuid().nullable(),
  })
  .partial()
  .strict();
export type PromptUpdate = z.input<typeof promptUpdateSchema>;

export const promptSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  promptText: z.string(),
  negativePrompt: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  isFavorite: z.boolean(),
  isTemplate: z.boolean(),
  variables: z.record(z.string(), z.array(z.string())),
  isPublic: z.boolean(),
  exampleImageId: z.uuid().nullable(),
  usageCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Prompt = z.infer<typeof promptSchema>;

/** Categories for the library's filter and the community list: the user's own with counts, plus common ones. */
export const SUGGESTED_PROMPT_CATEGORIES = ["Portrait", "Landscape", "Architecture", "Character", "Product", "Animals", "Food", "Fantasy", "Sci-fi", "Abstract"] as const;

export const promptFavoriteRequestSchema = z.object({ favorite: z.boolean() }).strict();

export const publicPromptQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(80).optional(),
  sort: z.enum(["recent", "popular"]).default("recent"),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});

/** A community prompt as anyone signed in sees it: no author e-mail, no private fields. */
export const publicPromptSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  promptText: z.string(),
  negativePrompt: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  isTemplate: z.boolean(),
  variables: z.record(z.string(), z.array(z.string())),
  author: z.object({ name: z.string() }),
  mine: z.boolean(),
  /** URL of the example picture (display size), when the author chose one. */
  exampleUrl: z.string().nullable(),
  stars: z.number().int(),
  starredByMe: z.boolean(),
  copies: z.number().int(),
  publishedAt: z.string(),
});
export type PublicPrompt = z.infer<typeof publicPromptSchema>;

/** How a saved prompt has done: uses, the images made from it, and how many the user kept or favourited. */
export const promptStatsSchema = z.object({
  promptId: z.uuid(),
  uses: z.number().int(),
  images: z.number().int(),
  /** Images still in the gallery (not trashed). */
  kept: z.number().int(),
  favorited: z.number().int(),
  /** kept / images, or null with no images yet. */
  keepRate: z.number().nullable(),
});
export type PromptStats = z.infer<typeof promptStatsSchema>;

/** One distinct prompt from the user's generation history. */
export const promptHistoryEntrySchema = z.object({
  text: z.string(),
  negativePrompt: z.string(),
  modelId: z.string(),
  uses: z.number().int(),
  lastUsedAt: z.string(),
  images: z.number().int(),
  kept: z.number().int(),
  favorited: z.number().int(),
  keepRate: z.number().nullable(),
});
export type PromptHistoryEntry = z.infer<typeof promptHistoryEntrySchema>;

export const promptHistoryQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
