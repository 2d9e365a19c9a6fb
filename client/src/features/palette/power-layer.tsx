import { type ReactNode, useEffect, useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { type ShortcutId, shortcuts, useShortcut } from "@/lib/shortcuts";
import { CommandPalette } from "./command-palette";
import { HelpOverlay } from "./help-overlay";
import { GO_TO } from "./pages";

/**
 * Mounted once by the app shell: attaches the shortcut registry to the document, and owns the command palette
 * (⌘K / Ctrl+K), the shortcut help (?) and the "g then a letter" page shortcuts.
 */
export function PowerLayer({ results }: { results?: (text: string, done: () => void) => ReactNode }) {
  const navigate = useNavigate();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  useEffect(() => shortcuts.attach(document), []);
  useShortcut("palette", () => setPalette((o) => !o));
  useShortcut("help", () => setHelp(true));
  for (const [id, to] of Object.entries(GO_TO)) {
    // GO_TO is a constant: the hook order never changes.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useShortcut(id as ShortcutId, () => void navigate({ to } as never));
  }
  return (
    <>
      <CommandPalette open={palette} onOpenChange={setPalette} onShowHelp={() => setHelp(true)} results={results} />
      <HelpOverlay open={help} onOpenChange={setHelp} />
    </>
  );
}
