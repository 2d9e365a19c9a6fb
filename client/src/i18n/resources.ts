/**
 * The English catalogs, one namespace per area of the app (a feature's own, "shell" for the frame, "common" for shared
 * components). Only `common` and `shell` are bundled in the app entry; every other namespace is a chunk of its own,
 * loaded before the route that reads it renders (./routes.ts) — English like any other language (./index.ts).
 * The types of all of them type every `t()` call (./i18next.d.ts), so a key missing from English fails typecheck.
 */
import common from "./locales/en/common.json";
import shell from "./locales/en/shell.json";
import type account from "./locales/en/account.json";
import type admin from "./locales/en/admin.json";
import type auth from "./locales/en/auth.json";
import type batch from "./locales/en/batch.json";
import type collections from "./locales/en/collections.json";
import type community from "./locales/en/community.json";
import type dashboard from "./locales/en/dashboard.json";
import type developer from "./locales/en/developer.json";
import type gallery from "./locales/en/gallery.json";
import type imageEdit from "./locales/en/image-edit.json";
import type iteration from "./locales/en/iteration.json";
import type models from "./locales/en/models.json";
import type notifications from "./locales/en/notifications.json";
import type palette from "./locales/en/palette.json";
import type projects from "./locales/en/projects.json";
import type prompts from "./locales/en/prompts.json";
import type queue from "./locales/en/queue.json";
import type search from "./locales/en/search.json";
import type settings from "./locales/en/settings.json";
import type share from "./locales/en/share.json";
import type studio from "./locales/en/studio.json";
import type teams from "./locales/en/teams.json";
import type usage from "./locales/en/usage.json";
import type video from "./locales/en/video.json";
import type shortcuts from "./locales/en/shortcuts.json";
// Catalogs the server speaks too live in shared/src/locales (one source for both sides).
import type labels from "@image-studio/shared/locales/en/labels.json";
import type validation from "@image-studio/shared/locales/en/validation.json";

/** Every namespace's English catalog (its shape types the keys). */
export interface Resources {
  common: typeof common;
  shell: typeof shell;
  account: typeof account;
  admin: typeof admin;
  auth: typeof auth;
  batch: typeof batch;
  collections: typeof collections;
  community: typeof community;
  dashboard: typeof dashboard;
  developer: typeof developer;
  gallery: typeof gallery;
  "image-edit": typeof imageEdit;
  iteration: typeof iteration;
  models: typeof models;
  notifications: typeof notifications;
  palette: typeof palette;
  projects: typeof projects;
  prompts: typeof prompts;
  queue: typeof queue;
  search: typeof search;
  settings: typeof settings;
  share: typeof share;
  studio: typeof studio;
  teams: typeof teams;
  usage: typeof usage;
  video: typeof video;
  shortcuts: typeof shortcuts;
  validation: typeof validation;
  labels: LabelTables;
}

// The catalog's model and parameter texts (descriptions, uses, tips, licences, option names) are looked up by id with
// their English as the default (`@/i18n/labels`); typing their keys (model ids hold "/") would weigh on every other
// `t` call, so they stay out of the key type.
type LabelTables = Omit<typeof labels, "models" | "params" | "modelParams" | "bestFor" | "modelTips" | "modelLicenses" | "paramOptions">;
export type Namespace = keyof Resources;

/** In the app entry: the frame and the shared components, which every screen reads. */
export const en = { common, shell } satisfies Partial<Resources>;
export type BundledNamespace = keyof typeof en;
export const BUNDLED_NAMESPACES = Object.keys(en) as BundledNamespace[];

export const NAMESPACES = [
  "common", "shell", "account", "admin", "auth", "batch", "collections", "community", "dashboard", "developer", "gallery", "image-edit",
  "iteration", "models", "notifications", "palette", "projects", "prompts", "queue", "search", "settings", "share", "studio", "teams",
  "usage", "video", "shortcuts", "validation", "labels",
] as const satisfies readonly Namespace[];
/** The namespaces whose catalogs are in shared/src/locales/<lng>/ (shared/src/validation-messages.test.ts holds them complete). */
export const SHARED_NAMESPACES: readonly Namespace[] = ["validation", "labels"];
// Every namespace of Resources is in the list (a namespace left out fails typecheck here).
const everyNamespace: [Exclude<Namespace, (typeof NAMESPACES)[number]>] extends [never] ? true : never = true;
void everyNamespace;
