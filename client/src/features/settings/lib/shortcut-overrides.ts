import type { UserSettings } from "@image-studio/shared";
import { SHORTCUTS_SETTING_KEY } from "@/lib/shortcuts";

/**
 * The shortcut keys this user changed, from their settings. Its own module: the app layout's SettingsSync applies
 * them on every page, without loading the settings page's shortcut editor (and the label catalogs it shows).
 */
export const overridesOf = (s: UserSettings | undefined): Record<string, string> => {
  const v = s?.settings?.[SHORTCUTS_SETTING_KEY];
  return v && typeof v === "object" ? (v as Record<string, string>) : {};
};
