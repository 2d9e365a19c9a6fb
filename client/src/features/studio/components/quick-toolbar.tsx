import { Dices, Link2, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";

interface QuickToolbarProps {
  onRegenerate: () => void;
  onNewSeed: () => void;
  onCopySettings: () => void;
  busy: boolean;
}

/** Bottom toolbar of the results panel: one-click regenerate, a new seed, copy a link to these settings. */
export function QuickToolbar({ onRegenerate, onNewSeed, onCopySettings, busy }: QuickToolbarProps) {
  return (
    <div role="toolbar" aria-label="Quick actions" className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" size="sm" onClick={onRegenerate} disabled={busy}>
        <RefreshCw aria-hidden="true" />
        Regenerate
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={onNewSeed} disabled={busy}>
        <Dices aria-hidden="true" />
        New seed
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={onCopySettings} aria-label="Copy a link to these settings">
        <Link2 aria-hidden="true" />
        Copy link
      </Button>
    </div>
  );
}
