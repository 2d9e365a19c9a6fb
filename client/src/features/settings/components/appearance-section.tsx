import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/cn";
import { type Appearance, contrast, DEFAULT_ACCENT, getAppearance, setAppearance, type ThemePreference } from "@/lib/theme";
import { useUpdateSettings } from "../api/user-settings";
import { Field, SettingsSection } from "./section";

const THEMES = [
  { id: "light", label: "appearance.themes.light", hint: "appearance.themes.lightHint", icon: Sun },
  { id: "dark", label: "appearance.themes.dark", hint: "appearance.themes.darkHint", icon: Moon },
  { id: "auto", label: "appearance.themes.auto", hint: "appearance.themes.autoHint", icon: Monitor },
] as const satisfies readonly { id: ThemePreference; label: string; hint: string; icon: typeof Sun }[];
const SWATCHES = ["#8b5cf6", "#ec4899", "#3b82f6", "#10b981", "#f59e0b", "#ef4444", "#0ea5e9", "#64748b"];

/** Theme, accent colour, contrast and motion: applied at once, kept on this device and in the account. */
export function AppearanceSection() {
  const { t } = useTranslation("settings");
  const [a, setA] = useState(getAppearance);
  const save = useUpdateSettings();
  const change = (patch: Appearance) => {
    setAppearance(patch);
    const next = getAppearance();
    setA(next);
    const at = Date.now();
    localStorage.setItem("appearance-synced-at", String(at));
    save.mutate({
      ...(patch.theme ? { theme: patch.theme } : {}),
      settings: { appearance: { accent: next.accent, highContrast: next.highContrast, motion: next.motion, tileSize: next.tileSize, at } },
    });
  };
  const accent = a.accent ?? DEFAULT_ACCENT;
  const lightAccent = contrast(accent, "#ffffff") < 3;
  return (
    <SettingsSection id="appearance" title={t("appearance.title")} description={t("appearance.description")}>
      <RadioGroup aria-label={t("appearance.theme")} value={a.theme} onValueChange={(v) => change({ theme: v as ThemePreference })} className="grid gap-3 sm:grid-cols-3">
        {THEMES.map(({ id, label, hint, icon: Icon }) => (
          <Label
            key={id}
            htmlFor={`theme-${id}`}
            className={cn("flex cursor-pointer items-start gap-3 rounded-xl border border-border p-4 transition-colors duration-200 hover:bg-surface", a.theme === id && "border-primary/50 bg-primary/10")}
          >
            <RadioGroupItem id={`theme-${id}`} value={id} className="mt-0.5" />
            <span className="grid gap-1">
              <span className="flex items-center gap-2 font-medium">
                <Icon className="size-4" aria-hidden="true" /> {t(label)}
              </span>
              <span className="text-xs font-normal text-muted-foreground">{t(hint)}</span>
            </span>
          </Label>
        ))}
      </RadioGroup>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t("appearance.accent")}</legend>
        <div className="flex flex-wrap items-center gap-2">
          {SWATCHES.map((s) => (
            <button
              key={s}
              type="button"
              aria-label={t("appearance.swatch", { color: s })}
              aria-pressed={accent === s}
              onClick={() => change({ accent: s === DEFAULT_ACCENT ? null : s })}
              className={cn("size-8 rounded-full border-2 border-transparent ring-offset-2 ring-offset-background pointer-coarse:size-11", accent === s && "ring-2 ring-foreground")}
              style={{ backgroundColor: s }}
            />
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="color"
              value={accent}
              onChange={(e) => change({ accent: e.target.value })}
              className="size-8 cursor-pointer rounded-lg border border-input bg-transparent pointer-coarse:size-11"
              aria-describedby="accent-hint"
            />
            {t("appearance.custom")}
          </label>
          {a.accent && (
            <Button variant="ghost" size="sm" onClick={() => change({ accent: null })}>
              {t("appearance.reset")}
            </Button>
          )}
        </div>
        <p id="accent-hint" className="text-xs text-muted-foreground">
          {lightAccent ? t("appearance.accentHintLight") : t("appearance.accentHint")}
        </p>
      </fieldset>
      <Field id="high-contrast" label={t("appearance.highContrast")} hint={t("appearance.highContrastHint")}>
        <Switch id="high-contrast" checked={a.highContrast} onCheckedChange={(v) => change({ highContrast: v })} aria-describedby="high-contrast-hint" />
      </Field>
      <Field id="reduce-motion" label={t("appearance.reduceMotion")} hint={t("appearance.reduceMotionHint")}>
        <Switch id="reduce-motion" checked={a.motion === "reduce"} onCheckedChange={(v) => change({ motion: v ? "reduce" : "system" })} aria-describedby="reduce-motion-hint" />
      </Field>
    </SettingsSection>
  );
}
