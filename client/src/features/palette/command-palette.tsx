import { useNavigate } from "@tanstack/react-router";
import { FolderPlus, Image as ImageIcon, Keyboard, LayoutGrid, Moon, Search, Settings, Sparkles, Sun } from "lucide-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandShortcut } from "@/components/ui/command";
import { bindingLabel, type ShortcutId, shortcuts } from "@/lib/shortcuts";
import { getThemePreference, setThemePreference } from "@/lib/theme";
import { clickWhenReady, GO_TO, imageIdIn, PAGES, SETTINGS_TABS } from "./pages";

const shortcutOf = (to: string) => {
  const id = Object.entries(GO_TO).find(([, path]) => path === to)?.[0] as ShortcutId | undefined;
  return id ? bindingLabel(shortcuts.bindingOf(id)).filter((k) => k !== "then").join(" ") : null;
};

/** ⌘K / Ctrl+K: go anywhere, run an action or search, all from the keyboard. */
export function CommandPalette({
  open,
  onOpenChange,
  onShowHelp,
  results,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onShowHelp: () => void;
  /** Search results for what is typed (given by the app, which owns search). */
  results?: (text: string, done: () => void) => ReactNode;
}) {
  const { t } = useTranslation("palette");
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const imageId = imageIdIn(text);
  const dark = document.documentElement.classList.contains("dark");
  const run = (fn: () => void) => {
    onOpenChange(false);
    setText("");
    fn();
  };
  const go = (to: string, search?: Record<string, string>) => run(() => void navigate({ to, search } as never));
  return (
    <CommandDialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o) setText("");
      }}
      title={t("title")}
      description={t("description")}
      commandProps={{ loop: true }}
    >
      <CommandInput placeholder={t("placeholder")} value={text} onValueChange={setText} aria-label={t("inputLabel")} />
      <CommandList>
        <CommandEmpty>{t("empty")}</CommandEmpty>
        <CommandGroup heading={t("groups.goTo")}>
          {PAGES.map((p) => {
            const Icon = p.icon;
            const sc = shortcutOf(p.to);
            const label = t(p.label);
            return (
              <CommandItem key={p.to} value={`go ${label}`} keywords={p.keywords} onSelect={() => go(p.to)}>
                <Icon aria-hidden="true" /> {label}
                {sc && <CommandShortcut>{sc}</CommandShortcut>}
              </CommandItem>
            );
          })}
        </CommandGroup>
        <CommandGroup heading={t("groups.do")}>
          <CommandItem value="new project" keywords={["create", t("do.newProject")]} onSelect={() => run(() => void navigate({ to: "/projects" }).then(() => clickWhenReady("new-project")))}>
            <FolderPlus aria-hidden="true" /> {t("do.newProject")}
          </CommandItem>
          <CommandItem value="new collection" keywords={["create", "album", t("do.newCollection")]} onSelect={() => run(() => void navigate({ to: "/collections" }).then(() => clickWhenReady("new-collection")))}>
            <LayoutGrid aria-hidden="true" /> {t("do.newCollection")}
          </CommandItem>
          <CommandItem value="toggle theme" keywords={["dark", "light", "mode", "appearance", t(dark ? "do.switchToLight" : "do.switchToDark")]} onSelect={() => run(() => setThemePreference(dark ? "light" : "dark"))}>
            {dark ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />} {t(dark ? "do.switchToLight" : "do.switchToDark")}
            {getThemePreference() === "auto" && <CommandShortcut>{t("do.followingSystem")}</CommandShortcut>}
          </CommandItem>
          <CommandItem value="keyboard shortcuts" keywords={["help", "keys", "?", t("do.shortcuts")]} onSelect={() => run(onShowHelp)}>
            <Keyboard aria-hidden="true" /> {t("do.shortcuts")}
            <CommandShortcut>?</CommandShortcut>
          </CommandItem>
        </CommandGroup>
        <CommandGroup heading={t("groups.settings")}>
          {SETTINGS_TABS.map((tab) => (
            <CommandItem key={tab.tab} value={`settings ${t(tab.label)}`} keywords={tab.keywords} onSelect={() => go("/settings", { tab: tab.tab })}>
              <Settings aria-hidden="true" /> {t("settingsItem", { tab: t(tab.label) })}
            </CommandItem>
          ))}
        </CommandGroup>
        {open &&
          results?.(text, () => {
            onOpenChange(false);
            setText("");
          })}
        {text.trim() && (
          <CommandGroup heading={t("groups.actions")}>
            <CommandItem forceMount value="action: generate from the typed text" onSelect={() => go("/studio", { prompt: text.trim() })}>
              <Sparkles aria-hidden="true" /> {t("actions.generate", { text: text.trim() })}
            </CommandItem>
            <CommandItem forceMount value="action: search for the typed text" onSelect={() => go("/search", { q: text.trim() })}>
              <Search aria-hidden="true" /> {t("actions.search", { text: text.trim() })}
            </CommandItem>
            {imageId && (
              <CommandItem forceMount value={`image ${imageId}`} onSelect={() => go(`/images/${imageId}`)}>
                <ImageIcon aria-hidden="true" /> {t("actions.openImage", { id: imageId.slice(0, 8) })}
              </CommandItem>
            )}
          </CommandGroup>
        )}
      </CommandList>
    </CommandDialog>
  );
}
