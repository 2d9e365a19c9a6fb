import { Dices, Link2, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useTranslation } from "react-i18next";

interface QuickToolbarProps {
  onRegenerate: () => void;
  onNewSeed: () => void;
  onCopySettings: () => void;
  busy: boolean;
}

/** Bottom toolbar of the results panel: one-click regenerate, a new seed, copy a link to these settings. */
export function QuickToolbar({ onRegenerate, onNewSeed, onCopySettings, busy }: QuickToolbarProps) {
  const { t } = useTranslation("studio");
  return (
    <div role="toolbar" aria-label={t("quick.label")} className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" size="sm" onClick={onRegenerate} disabled={busy}>
        <RefreshCw aria-hidden="true" />
        {t("quick.regenerate")}
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={onNewSeed} disabled={busy}>
        <Dices aria-hidden="true" />
        {t("quick.newSeed")}
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={onCopySettings} aria-label={t("quick.copyLabel")}>
        <Link2 aria-hidden="true" />
        {t("quick.copy")}
      </Button>
    </div>
  );
}
