import { ListPlus, Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useTranslation } from "react-i18next";

export type SubmitMode = "generate" | "queue";

interface GenerateBarProps {
  onSubmit: (mode: SubmitMode) => void;
  pending: SubmitMode | null;
  /** Why Generate is off; shown under the buttons unless the cost box already says it. */
  disabledReason?: string;
  hideReason?: boolean;
  className?: string;
  /** Generate only, default size (the phone's bottom bar). */
  compact?: boolean;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** Generate (run now, show in results) and Queue (enqueue and keep editing). */
export function GenerateBar({ onSubmit, pending, disabledReason, hideReason = false, className, compact = false }: GenerateBarProps) {
  const { t } = useTranslation("studio");
  const disabled = Boolean(disabledReason);
  return (
    <div className={cn(!compact && "@container", "grid gap-2", className)}>
      <div className="flex gap-2">
        <Button
          type="button"
          size={compact ? "default" : "lg"}
          className="flex-1 bg-linear-to-r from-primary-solid to-accent-solid hover:from-primary-solid-hover hover:to-accent-solid-hover"
          disabled={disabled}
          loading={pending === "generate"}
          aria-keyshortcuts={isMac ? "Meta+Enter" : "Control+Enter"}
          onClick={() => onSubmit("generate")}
        >
          <Sparkles aria-hidden="true" />
          {t("generate.generate")}
          {!compact && (
            <kbd className="ml-1 hidden rounded border border-white/40 px-1 font-mono text-[0.7rem] leading-4 @[20rem]:inline" aria-hidden="true">
              {isMac ? t("generate.shortcutMac") : t("generate.shortcut")}
            </kbd>
          )}
        </Button>
        {!compact && (
          <Button type="button" size="lg" variant="outline" disabled={disabled} loading={pending === "queue"} onClick={() => onSubmit("queue")}>
            <ListPlus aria-hidden="true" />
            {t("generate.queue")}
          </Button>
        )}
      </div>
      {disabledReason && !hideReason && <p className="text-xs text-destructive-strong">{disabledReason}</p>}
    </div>
  );
}
