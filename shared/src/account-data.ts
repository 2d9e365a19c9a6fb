/** The per-user archive (export/import) and retention settings (POST /api/account/export|import, /api/account/retention). */
import { z } from "zod";
import { SHARE_EXPIRY_PRESETS } from "./share";
import { vm } from "./validation-messages";

const days = z.number().int().min(1, vm("account.retentionMinDays")).max(3650, vm("account.retentionMaxDays")).nullable();

export const retentionSettingsSchema = z.object({
  /** Images in the trash are deleted for good after this many days (null = off). */
  trashAutoDeleteDays: days,
  /** Drafts — not favourite, unrated, untagged, in no project or collection — go to the trash after this many days (null = off). */
  draftAutoDeleteDays: days,
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
export const updateRetentionSchema = retentionSettingsSchema.partial();

export const importResultSchema = z.object({
  images: z.number().int(),
  projects: z.number().int(),
  collections: z.number().int(),
  prompts: z.number().int(),
  presets: z.number().int(),
  /** What could not be imported, and why. */
  skipped: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Default options of the share dialog (user settings key `shareDefaults`): the link presets, or never. */
export const SHARE_DEFAULT_EXPIRIES = ["never", ...SHARE_EXPIRY_PRESETS] as const;
export const shareDefaultsSchema = z.object({
  password: z.boolean(),
  expiry: z.enum(SHARE_DEFAULT_EXPIRIES),
  allowDownload: z.boolean(),
  showPrompt: z.boolean(),
});
export type ShareDefaults = z.infer<typeof shareDefaultsSchema>;
export const DEFAULT_SHARE_DEFAULTS: ShareDefaults = { password: false, expiry: "never", allowDownload: true, showPrompt: true };

/** User settings key: when false, downloads carry no generation metadata (prompt, model, seed) in the file. */
export const DOWNLOAD_METADATA_KEY = "downloadMetadata";
