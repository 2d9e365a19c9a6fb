import { GALLERY_VIEW_MODES, isUiLanguage, UI_LANGUAGES } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { formatDateTime, setLanguage } from "@/i18n";
import { call, rpc } from "@/lib/rpc";
import { sessionQuery, setSessionUser } from "@/lib/session";
import { fieldClasses } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { getAppearance, setAppearance, type TileSize } from "@/lib/theme";
import { userSettingsQuery, useUpdateSettings } from "../api/user-settings";
import { applyTimeZone, deviceTimeZone, getTimeZoneSetting, timeZones } from "../lib/timezone";
import { Field, SettingsSection } from "./section";

const VIEW_LABELS = { grid: "gallery.views.grid", masonry: "gallery.views.masonry", list: "gallery.views.list" } as const satisfies Record<
  (typeof GALLERY_VIEW_MODES)[number],
  string
>;
const SIZES = [
  { id: "small", label: "gallery.sizes.small" },
  { id: "medium", label: "gallery.sizes.medium" },
  { id: "large", label: "gallery.sizes.large" },
] as const satisfies readonly { id: TileSize; label: string }[];
/** The gallery remembers its view on the device under this key (a link's ?view= still wins). */
const GALLERY_VIEW_KEY = "gallery-view";
const select = cn(fieldClasses, "h-10 w-full max-w-sm pointer-coarse:h-11");

export function GallerySection() {
  const { t } = useTranslation("settings");
  const settings = useQuery(userSettingsQuery);
  const save = useUpdateSettings(t("gallery.saved"));
  const [size, setSize] = useState(getAppearance().tileSize);
  const view = (typeof localStorage !== "undefined" && localStorage.getItem(GALLERY_VIEW_KEY)) || settings.data?.galleryViewMode || "grid";
  const [current, setCurrent] = useState(view);
  return (
    <SettingsSection id="gallery-prefs" title={t("gallery.title")} description={t("gallery.description")}>
      <Field id="gallery-view" label={t("gallery.view")}>
        <select
          id="gallery-view"
          className={select}
          value={current}
          onChange={(e) => {
            const v = e.target.value as (typeof GALLERY_VIEW_MODES)[number];
            setCurrent(v);
            localStorage.setItem(GALLERY_VIEW_KEY, v);
            save.mutate({ galleryViewMode: v });
          }}
        >
          {GALLERY_VIEW_MODES.map((m) => (
            <option key={m} value={m}>
              {t(VIEW_LABELS[m])}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tile-size" label={t("gallery.tileSize")} hint={t("gallery.tileSizeHint")}>
        <select
          id="tile-size"
          className={select}
          aria-describedby="tile-size-hint"
          value={size}
          onChange={(e) => {
            const v = e.target.value as TileSize;
            setSize(v);
            setAppearance({ tileSize: v });
            const a = getAppearance();
            const at = Date.now();
            localStorage.setItem("appearance-synced-at", String(at));
            save.mutate({ settings: { appearance: { accent: a.accent, highContrast: a.highContrast, motion: a.motion, tileSize: v, at } } });
          }}
        >
          {SIZES.map((s) => (
            <option key={s.id} value={s.id}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </Field>
    </SettingsSection>
  );
}

export function RegionSection() {
  const { t } = useTranslation("settings");
  const queryClient = useQueryClient();
  const save = useUpdateSettings(t("region.saved"));
  const [tz, setTz] = useState(getTimeZoneSetting);
  const zones = timeZones();
  const example = formatDateTime(new Date(), { dateStyle: "medium", timeStyle: "short", timeZone: tz === "auto" ? undefined : tz });
  const stored = useQuery(sessionQuery).data?.user.language ?? "en";
  const language = isUiLanguage(stored) ? stored : "en";
  const chooseLanguage = async (id: string) => {
    await setLanguage(id);
    try {
      const { user } = await call(rpc.auth.profile.$put({ json: { language: id } }));
      setSessionUser(queryClient, user);
      toast.success(t("region.saved"));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("region.languageFailed"));
    }
  };
  return (
    <SettingsSection id="region" title={t("region.title")} description={t("region.description")}>
      <Field id="language" label={t("region.language")} hint={UI_LANGUAGES.length > 1 ? undefined : t("region.onlyEnglish")}>
        <select id="language" className={select} value={language} aria-describedby={UI_LANGUAGES.length > 1 ? undefined : "language-hint"} onChange={(e) => void chooseLanguage(e.target.value)}>
          {UI_LANGUAGES.map((l) => (
            <option key={l.id} value={l.id} lang={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="time-zone" label={t("region.timeZone")} hint={t("region.example", { example })}>
        <select
          id="time-zone"
          className={select}
          aria-describedby="time-zone-hint"
          value={tz}
          onChange={(e) => {
            setTz(e.target.value);
            applyTimeZone(e.target.value);
            save.mutate({ settings: { timeZone: e.target.value } });
          }}
        >
          <option value="auto">{t("region.thisDevice", { zone: deviceTimeZone() })}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </Field>
    </SettingsSection>
  );
}
