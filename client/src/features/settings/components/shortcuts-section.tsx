import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { bindingFromEvent, bindingLabel, SHORTCUTS, SHORTCUTS_SETTING_KEY, type ShortcutId, shortcutDef, shortcuts, useBindingsVersion } from "@/lib/shortcuts";
import { userSettingsQuery, useUpdateSettings } from "../api/user-settings";
import { SettingsSection } from "./section";
import { shortcutDescription, shortcutGroupLabel } from "@/i18n/labels";
import { overridesOf } from "../lib/shortcut-overrides";


export function Keys({ binding }: { binding: string }) {
  const { t } = useTranslation("settings");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {bindingLabel(binding).map((k, i) =>
        k === "then" ? (
          <span key={i} className="text-xs text-muted-foreground">
            {t("shortcuts.then")}
          </span>
        ) : (
          <kbd key={i} className="min-w-6 rounded-md border border-border bg-muted px-1.5 py-0.5 text-center font-mono text-xs">
            {k}
          </kbd>
        ),
      )}
    </span>
  );
}

/** Every shortcut with its keys; "Change" records the next key press (Escape cancels), conflicts are refused. */
export function ShortcutsSection() {
  useBindingsVersion();
  const { t } = useTranslation("settings");
  const settings = useQuery(userSettingsQuery);
  const save = useUpdateSettings(t("shortcuts.saved"));
  const [recording, setRecording] = useState<ShortcutId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const store = (next: Record<string, string>) => {
    shortcuts.setOverrides(next);
    save.mutate({ settings: { [SHORTCUTS_SETTING_KEY]: next } });
  };
  const record = (id: ShortcutId, e: React.KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (e.key === "Escape") return setRecording(null);
    const binding = bindingFromEvent(e.nativeEvent);
    if (!binding) return;
    const clash = shortcuts.conflicts(id, binding);
    if (clash.length) return setError(t("shortcuts.clash", { keys: bindingLabel(binding).join(" "), action: shortcutDef(clash[0]!).description }));
    setError(null);
    setRecording(null);
    store({ ...overridesOf(settings.data), [id]: binding });
  };
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <SettingsSection
      id="shortcuts"
      title={t("shortcuts.title")}
      description={t("shortcuts.description")}
    >
      {error && (
        <p role="alert" className="text-sm text-destructive-strong">
          {error}
        </p>
      )}
      {groups.map((g) => (
        <div key={g} className="grid gap-1">
          <h3 className="text-sm font-semibold">{shortcutGroupLabel(t, g)}</h3>
          <ul className="divide-y divide-border rounded-xl border border-border">
            {SHORTCUTS.filter((s) => s.group === g).map((s) => {
              const binding = shortcuts.bindingOf(s.id);
              const custom = s.id in shortcuts.overrides;
              return (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span className="text-sm">{shortcutDescription(t, s)}</span>
                  <span className="flex items-center gap-2">
                    {recording === s.id ? (
                      <button
                        type="button"
                        autoFocus
                        onKeyDown={(e) => record(s.id, e)}
                        onBlur={() => setRecording(null)}
                        className="rounded-lg border border-primary bg-primary/10 px-2 py-1 text-xs text-primary-strong"
                      >
                        {t("shortcuts.press")}
                      </button>
                    ) : (
                      <Keys binding={binding} />
                    )}
                    <Button variant="ghost" size="sm" onClick={() => (setError(null), setRecording(s.id))} aria-label={t("shortcuts.changeLabel", { action: s.description })}>
                      {t("shortcuts.change")}
                    </Button>
                    {custom && (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={t("shortcuts.resetLabel", { action: s.description })}
                        onClick={() => {
                          const { [s.id]: _gone, ...rest } = overridesOf(settings.data);
                          store(rest);
                        }}
                      >
                        {t("shortcuts.reset")}
                      </Button>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </SettingsSection>
  );
}
