import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { setLanguage } from "@/i18n";
import { sessionQuery } from "@/lib/session";
import { shortcuts } from "@/lib/shortcuts";
import { type MotionPreference, setAppearance, type ThemePreference, type TileSize } from "@/lib/theme";
import { userSettingsQuery } from "../api/user-settings";
import { applyTimeZone } from "../lib/timezone";
import { overridesOf } from "../lib/shortcut-overrides";

const STAMP_KEY = "appearance-synced-at";

interface StoredAppearance {
  accent?: string | null;
  highContrast?: boolean;
  motion?: MotionPreference;
  tileSize?: TileSize;
  at?: number;
}

/**
 * Brings the account's preferences to this device once they load: custom shortcuts, the time zone, and the
 * appearance chosen on another device (when it is newer than what this device last applied), and the account's language.
 */
export function SettingsSync() {
  const { data } = useQuery(userSettingsQuery);
  const language = useQuery(sessionQuery).data?.user.language;
  useEffect(() => {
    if (language) void setLanguage(language);
  }, [language]);
  useEffect(() => {
    applyTimeZone();
  }, []);
  useEffect(() => {
    if (!data) return;
    shortcuts.setOverrides(overridesOf(data));
    const tz = data.settings.timeZone;
    if (typeof tz === "string" && !localStorage.getItem("time-zone")) applyTimeZone(tz);
    const a = data.settings.appearance as StoredAppearance | undefined;
    const seen = Number(localStorage.getItem(STAMP_KEY) ?? 0);
    if (a?.at && a.at > seen) {
      localStorage.setItem(STAMP_KEY, String(a.at));
      setAppearance({ theme: data.theme as ThemePreference, accent: a.accent ?? null, highContrast: a.highContrast, motion: a.motion, tileSize: a.tileSize });
    }
  }, [data]);
  return null;
}
