import { z } from "zod";
import { tagSchema } from "./images";
import { LIMITS } from "./limits";

/** Contracts of the prompt library (saved prompts). Created online or offline; ids are client-minted. */

const title = z.string().trim().min(1, "Give the prompt a title").max(LIMITS.nameMaxLength);
const tags = z
  .array(tagSchema)
  .max(LIMITS.tagsPerImage)
  .transform((t) => [...new Set(t)]);

export const promptCreateSchema = z
  .object({
    id: z.uuid().transform((s) => s.toLowerCase()),
    title,
    promptText: z.string().trim().min(1, "Write the prompt").max(LIMITS.promptMaxLength),
    negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).optional(),
    category: z.string().trim().max(80).nullable().optional(),
    tags: tags.optional(),
    isFavorite: z.boolean().optional(),
  })
  .strict();
export type PromptCreate = z.input<typeof promptCreateSchema>;

export const promptUpdateSchema = promptCreateSchema.omit({ id: true }).partial().strict();
export type PromptUpdate = z.input<typeof promptUpdateSchema>;

export const promptSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  promptText: z.string(),
  negativePrompt: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  isFavorite: z.boolean(),
  usageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Prompt = z.infer<typeof promptSchema>;
