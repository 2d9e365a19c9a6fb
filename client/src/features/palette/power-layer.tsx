import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { type ShortcutId, shortcuts, useShortcut } from "@/lib/shortcuts";
import { GO_TO } from "./pages";

// The palette (cmdk) and the help overlay are closed on every page until asked for: their code loads on first use,
// and they render (opened) as soon as it has arrived. The shortcuts that open them stay here, eager.
const CommandPalette = lazy(() => import("./command-palette").then((m) => ({ default: m.CommandPalette })));
const HelpOverlay = lazy(() => import("./help-overlay").then((m) => ({ default: m.HelpOverlay })));

/**
 * Mounted once by the app shell: attaches the shortcut registry to the document, and owns the command palette
 * (⌘K / Ctrl+K), the shortcut help (?) and the "g then a letter" page shortcuts.
 */
export function PowerLayer({ results }: { results?: (text: string, done: () => void) => ReactNode }) {
  const navigate = useNavigate();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  // Once opened, each stays mounted (closed) so that closing animates and reopening is instant.
  const [used, setUsed] = useState({ palette: false, help: false });
  if ((palette && !used.palette) || (help && !used.help))
    setUsed({ palette: used.palette || palette, help: used.help || help });
  useEffect(() => shortcuts.attach(document), []);
  useShortcut("palette", () => setPalette((o) => !o));
  useShortcut("help", () => setHelp(true));
  for (const [id, to] of Object.entries(GO_TO)) {
    // GO_TO is a constant: the hook order never changes.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useShortcut(id as ShortcutId, () => void navigate({ to } as never));
  }
  return (
    <Suspense fallback={null}>
      {used.palette && (
        <CommandPalette open={palette} onOpenChange={setPalette} onShowHelp={() => setHelp(true)} results={results} />
      )}
      {used.help && <HelpOverlay open={help} onOpenChange={setHelp} />}
    </Suspense>
  );
}
