import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { cn } from "@/lib/cn";
import { getThemePreference, setThemePreference, type ThemePreference } from "@/lib/theme";
import { Section } from "./section";

const THEMES = [
  { id: "light", label: "theme.light", hint: "theme.lightHint", icon: Sun },
  { id: "dark", label: "theme.dark", hint: "theme.darkHint", icon: Moon },
  { id: "auto", label: "theme.auto", hint: "theme.autoHint", icon: Monitor },
] as const satisfies readonly { id: ThemePreference; label: string; hint: string; icon: typeof Sun }[];

/** Settings → Preferences: appearance (applies at once, remembered on this device). */
export function PreferencesTab() {
  const { t } = useTranslation("account");
  const [theme, setTheme] = useState<ThemePreference>(getThemePreference);
  return (
    <div className="grid max-w-3xl gap-6">
      <Section id="appearance" title={t("theme.title")} description={t("theme.description")}>
        <RadioGroup
          aria-label={t("theme.label")}
          value={theme}
          onValueChange={(v) => {
            const pref = v as ThemePreference;
            setTheme(pref);
            setThemePreference(pref);
          }}
          className="grid gap-3 sm:grid-cols-3"
        >
          {THEMES.map(({ id, label, hint, icon: Icon }) => (
            <Label
              key={id}
              htmlFor={`theme-${id}`}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-xl border border-border p-4 transition-colors duration-200 hover:bg-surface",
                theme === id && "border-primary/50 bg-primary/10",
              )}
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
      </Section>
    </div>
  );
}
