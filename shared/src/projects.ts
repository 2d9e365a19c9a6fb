import { z } from "zod";
import { imageListQuerySchema, imageSummarySchema, tagSchema } from "./images";
import { LIMITS } from "./limits";
import { jsonWithin } from "./safe";
import { BUILTIN_PROJECT_TEMPLATE_IDS } from "./project-templates";
import { vm } from "./validation-messages";

/** Contracts of the projects API (/api/projects, /api/search/projects). */

export const projectSettingsSchema = z
  .object({
    defaultModelId: z.string().min(1).max(200).optional(),
    defaultParameters: z.record(z.string(), z.unknown()).superRefine(jsonWithin(LIMITS.jsonBlobMaxBytes)).optional(),
    promptStarters: z.array(z.string().trim().min(1).max(LIMITS.promptMaxLength)).max(50).optional(),
    /** Put in front of every prompt generated into the project (e.g. "isometric game asset, "). */
    promptPrefix: z.string().trim().max(500).optional(),
  })
  .strict();
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

const name = z.string().trim().min(1, vm("library.projectNameRequired")).max(LIMITS.nameMaxLength);
const tags = z
  .array(tagSchema)
  .max(LIMITS.tagsPerImage)
  .transform((t) => [...new Set(t)]);

const projectFields = {
  name,
  description: z.string().max(LIMITS.descriptionMaxLength).optional(),
  notes: z.string().max(LIMITS.descriptionMaxLength).optional(),
  coverImageId: z.uuid().nullable().optional(),
  tags: tags.optional(),
  category: z.string().trim().max(80).nullable().optional(),
  settings: projectSettingsSchema.optional(),
  isArchived: z.boolean().optional(),
  isTemplate: z.boolean().optional(),
};

/**
 * POST /api/projects: `id` is client-minted (upsert by it); `templateId` starts from a template's defaults — one of
 * the user's template projects (a uuid) or a built-in template (BUILTIN_PROJECT_TEMPLATES).
 */
export const projectCreateSchema = z
  .object({
    ...projectFields,
    id: z
      .uuid()
      .transform((s) => s.toLowerCase())
      .optional(),
    templateId: z.union([z.uuid(), z.enum(BUILTIN_PROJECT_TEMPLATE_IDS)]).optional(),
  })
  .strict();
export type ProjectCreate = z.input<typeof projectCreateSchema>;

export const projectUpdateSchema = z
  .object({ ...projectFields, name: name.optional(), version: z.number().int().optional() })
  .strict();
export type ProjectUpdate = z.input<typeof projectUpdateSchema>;

export const projectListQuerySchema = z.object({
  archived: z.enum(["true", "false", "all"]).default("false"),
  templates: z.enum(["true", "false"]).default("false"),
  tag: z.string().trim().min(1).max(LIMITS.tagMaxLength).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ProjectListQuery = z.input<typeof projectListQuerySchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  notes: z.string(),
  coverImageId: z.uuid().nullable(),
  /** The chosen cover, or the latest image of the project. */
  effectiveCoverImageId: z.uuid().nullable(),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  settings: projectSettingsSchema,
  isArchived: z.boolean(),
  isTemplate: z.boolean(),
  imageCount: z.number().int(),
  costCredits: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListSchema = z.object({ items: z.array(projectSchema) });
export type ProjectList = z.infer<typeof projectListSchema>;

export const projectImagesQuerySchema = imageListQuerySchema.omit({ projectId: true });
export const projectImagesSchema = z.object({ items: z.array(imageSummarySchema), nextCursor: z.string().nullable() });

export const projectAddImagesSchema = z.object({
  imageIds: z
    .array(z.uuid())
    .min(1, vm("common.selectAtLeastOneImage"))
    .max(1000)
    .transform((ids) => [...new Set(ids.map((i) => i.toLowerCase()))]),
});

export const PROJECT_DELETE_IMAGES = ["unassign", "trash"] as const;
export const projectDeleteQuerySchema = z.object({ images: z.enum(PROJECT_DELETE_IMAGES).default("unassign") });
export const projectArchiveSchema = z.object({ archived: z.boolean().default(true) }).default({ archived: true });

export const projectStatsSchema = z.object({
  imageCount: z.number().int(),
  generations: z.number().int(),
  costCredits: z.number(),
  models: z.array(z.object({ modelId: z.string(), count: z.number().int() })),
  /** Images per day (UTC), oldest first. */
  overTime: z.array(z.object({ day: z.string(), count: z.number().int() })),
});
export type ProjectStats = z.infer<typeof projectStatsSchema>;

export const projectSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
