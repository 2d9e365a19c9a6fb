/** User settings, generation defaults and named generation presets (GET/PUT /api/settings…). */
import { z } from "zod";
import { generationParametersSchema } from "./generation";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

export const THEMES = ["light", "dark", "auto"] as const;
export const GALLERY_VIEW_MODES = ["grid", "masonry", "list"] as const;
/** Keys of `settings` the API manages itself; PUT /api/settings cannot overwrite them. */
export const RESERVED_SETTINGS_KEYS = ["presets", "notificationPreferences"] as const;
export const PRESETS_MAX = 100;
const MISC_SETTINGS_MAX_BYTES = 64 * 1024;

export const generationDefaultsSchema = z.object({
  defaultModelId: z.string().min(1).max(200).nullable(),
  defaultParameters: generationParametersSchema,
});
export type GenerationDefaults = z.infer<typeof generationDefaultsSchema>;

export const updateGenerationDefaultsSchema = generationDefaultsSchema.partial();
export type UpdateGenerationDefaults = z.input<typeof updateGenerationDefaultsSchema>;

export const presetNameSchema = z.string().trim().min(1, vm("library.presetNameRequired")).max(LIMITS.nameMaxLength, vm("common.atMostCharsShort", { max: LIMITS.nameMaxLength }));

/** A named set of generation settings. Ids are minted by the client (PUT is an upsert). */
export const generationPresetSchema = z.object({
  id: z.uuid(),
  name: presetNameSchema,
  modelId: z.string().min(1).max(200),
  prompt: z.string().max(LIMITS.promptMaxLength).optional(),
  negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).optional(),
  parameters: generationParametersSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GenerationPreset = z.infer<typeof generationPresetSchema>;

export const savePresetRequestSchema = generationPresetSchema.omit({ id: true, createdAt: true, updatedAt: true });
export type SavePresetRequest = z.input<typeof savePresetRequestSchema>;
export const savePresetFormSchema = z.object({ name: presetNameSchema });

const miscSettingsSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MISC_SETTINGS_MAX_BYTES, vm("library.settingsTooLarge", { kb: MISC_SETTINGS_MAX_BYTES / 1024 }))
  .refine((v) => !RESERVED_SETTINGS_KEYS.some((k) => k in v), vm("library.settingsReservedKeys", { keys: RESERVED_SETTINGS_KEYS.join(", ") }));

export const userSettingsSchema = generationDefaultsSchema.extend({
  theme: z.enum(THEMES),
  galleryViewMode: z.enum(GALLERY_VIEW_MODES),
  notificationsEnabled: z.boolean(),
  /** Miscellaneous client preferences (reserved keys excluded). */
  settings: z.record(z.string(), z.unknown()),
  presets: z.array(generationPresetSchema),
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

export const updateUserSettingsSchema = z
  .object({
    theme: z.enum(THEMES),
    galleryViewMode: z.enum(GALLERY_VIEW_MODES),
    notificationsEnabled: z.boolean(),
    /** Merged key by key into the stored settings; a key set to null is removed. */
    settings: miscSettingsSchema,
    defaultModelId: generationDefaultsSchema.shape.defaultModelId,
    defaultParameters: generationParametersSchema,
  })
  .partial();
export type UpdateUserSettings = z.input<typeof updateUserSettingsSchema>;
