/**
 * The English catalog, one namespace per area of the app (a feature's own, "shell" for the frame, "common" for shared
 * components). English is bundled; other languages load on demand (./index.ts). The keys here type every `t()` call
 * (./i18next.d.ts), so a key missing from English fails typecheck.
 */
import common from "./locales/en/common.json";
import shell from "./locales/en/shell.json";
import account from "./locales/en/account.json";
import admin from "./locales/en/admin.json";
import auth from "./locales/en/auth.json";
import batch from "./locales/en/batch.json";
import collections from "./locales/en/collections.json";
import community from "./locales/en/community.json";
import dashboard from "./locales/en/dashboard.json";
import developer from "./locales/en/developer.json";
import gallery from "./locales/en/gallery.json";
import imageEdit from "./locales/en/image-edit.json";
import iteration from "./locales/en/iteration.json";
import models from "./locales/en/models.json";
import notifications from "./locales/en/notifications.json";
import palette from "./locales/en/palette.json";
import projects from "./locales/en/projects.json";
import prompts from "./locales/en/prompts.json";
import queue from "./locales/en/queue.json";
import search from "./locales/en/search.json";
import settings from "./locales/en/settings.json";
import share from "./locales/en/share.json";
import studio from "./locales/en/studio.json";
import teams from "./locales/en/teams.json";
import usage from "./locales/en/usage.json";
import video from "./locales/en/video.json";
import shortcuts from "./locales/en/shortcuts.json";
// Catalogs the server speaks too live in shared/src/locales (one source for both sides).
import labels from "@image-studio/shared/locales/en/labels.json";
import validation from "@image-studio/shared/locales/en/validation.json";

// The catalog's model and parameter texts are looked up by id with their English as the default (`@/i18n/labels`);
// typing their keys (model ids hold "/") would weigh on every other `t` call, so they stay out of the key type.
type LabelTables = Omit<typeof labels, "models" | "params" | "modelParams">;

export const en = { common, shell, account, admin, auth, batch, collections, community, dashboard, developer, gallery, "image-edit": imageEdit, iteration, models, notifications, palette, projects, prompts, queue, search, settings, share, studio, teams, usage, video, shortcuts, validation, labels: labels as LabelTables } as const;

export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
/** The namespaces whose catalogs are in shared/src/locales/<lng>/ (shared/src/validation-messages.test.ts holds them complete). */
export const SHARED_NAMESPACES: readonly Namespace[] = ["validation", "labels"];
