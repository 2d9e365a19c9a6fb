import { useNavigate } from "@tanstack/react-router";
import { FolderPlus, Image as ImageIcon, Keyboard, LayoutGrid, Moon, Search, Settings, Sparkles, Sun } from "lucide-react";
import { type ReactNode, useState } from "react";
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
      title="Command palette"
      description="Type to find a page, an action or something you made. Use the arrow keys and Enter."
      commandProps={{ loop: true }}
    >
      <CommandInput placeholder="Type a command or search…" value={text} onValueChange={setText} aria-label="Command or search" />
      <CommandList>
        <CommandEmpty>Nothing matches. Press Enter on “Search for…” to search everything.</CommandEmpty>
        <CommandGroup heading="Go to">
          {PAGES.map((p) => {
            const Icon = p.icon;
            const sc = shortcutOf(p.to);
            return (
              <CommandItem key={p.to} value={`go ${p.label}`} keywords={p.keywords} onSelect={() => go(p.to)}>
                <Icon aria-hidden="true" /> {p.label}
                {sc && <CommandShortcut>{sc}</CommandShortcut>}
              </CommandItem>
            );
          })}
        </CommandGroup>
        <CommandGroup heading="Do">
          <CommandItem value="new project" keywords={["create"]} onSelect={() => run(() => void navigate({ to: "/projects" }).then(() => clickWhenReady("New project")))}>
            <FolderPlus aria-hidden="true" /> New project
          </CommandItem>
          <CommandItem value="new collection" keywords={["create", "album"]} onSelect={() => run(() => void navigate({ to: "/collections" }).then(() => clickWhenReady("New collection")))}>
            <LayoutGrid aria-hidden="true" /> New collection
          </CommandItem>
          <CommandItem value="toggle theme" keywords={["dark", "light", "mode", "appearance"]} onSelect={() => run(() => setThemePreference(dark ? "light" : "dark"))}>
            {dark ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />} Switch to {dark ? "light" : "dark"} theme
            {getThemePreference() === "auto" && <CommandShortcut>now following the system</CommandShortcut>}
          </CommandItem>
          <CommandItem value="keyboard shortcuts" keywords={["help", "keys", "?"]} onSelect={() => run(onShowHelp)}>
            <Keyboard aria-hidden="true" /> Keyboard shortcuts
            <CommandShortcut>?</CommandShortcut>
          </CommandItem>
        </CommandGroup>
        <CommandGroup heading="Settings">
          {SETTINGS_TABS.map((t) => (
            <CommandItem key={t.tab} value={`settings ${t.label}`} keywords={t.keywords} onSelect={() => go("/settings", { tab: t.tab })}>
              <Settings aria-hidden="true" /> Settings: {t.label}
            </CommandItem>
          ))}
        </CommandGroup>
        {open &&
          results?.(text, () => {
            onOpenChange(false);
            setText("");
          })}
        {text.trim() && (
          <CommandGroup heading="Actions">
            <CommandItem forceMount value="action: generate from the typed text" onSelect={() => go("/studio", { prompt: text.trim() })}>
              <Sparkles aria-hidden="true" /> Generate “{text.trim()}”
            </CommandItem>
            <CommandItem forceMount value="action: search for the typed text" onSelect={() => go("/search", { q: text.trim() })}>
              <Search aria-hidden="true" /> Search for “{text.trim()}”
            </CommandItem>
            {imageId && (
              <CommandItem forceMount value={`image ${imageId}`} onSelect={() => go(`/images/${imageId}`)}>
                <ImageIcon aria-hidden="true" /> Open image {imageId.slice(0, 8)}…
              </CommandItem>
            )}
          </CommandGroup>
        )}
      </CommandList>
    </CommandDialog>
  );
}
