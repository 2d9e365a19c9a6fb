import type { CostEstimate as Estimate } from "@image-studio/shared";
import { Coins, TriangleAlert } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { Trans, useTranslation } from "react-i18next";
import { formatNumber } from "@/i18n";

interface CostEstimateProps {
  estimate?: Estimate;
  loading: boolean;
  error: unknown;
  free: boolean;
  className?: string;
}

/** The credits a run will cost and the balance; a clear message when the balance is too low. */
export function CostEstimate({ estimate, loading, error, free, className }: CostEstimateProps) {
  const { t } = useTranslation("studio");
  const short = estimate && !estimate.affordable;
  return (
    <div
      className={cn("rounded-lg border px-3 py-2 text-sm transition-colors duration-200", short ? "border-destructive/50 bg-destructive/10" : "border-border bg-surface", className)}
      aria-live="polite"
      aria-busy={loading || undefined}
    >
      {error && !estimate ? (
        <p className="text-muted-foreground">{error instanceof ApiError && error.code !== "NETWORK" ? t("cost.unavailable", { message: error.message }) : t("cost.offline")}</p>
      ) : !estimate ? (
        <div className="flex items-center gap-2">
          <Coins className="size-4 text-muted-foreground" aria-hidden="true" />
          <Skeleton className="h-4 w-40" />
          <span className="sr-only">{t("cost.estimating")}</span>
        </div>
      ) : (
        <>
          <p className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
            <span className="flex items-center gap-2">
              <Coins className="size-4 text-warning-strong" aria-hidden="true" />
              {free || estimate.credits === 0 ? (
                <span>
                  <span className="font-medium">{t("cost.free")}</span> <span className="text-muted-foreground">{t("cost.local")}</span>
                </span>
              ) : (
                <span>
                  <Trans t={t} i18nKey="cost.credits" count={estimate.credits} values={{ credits: formatNumber(estimate.credits) }} components={{ num: <span className="font-mono font-medium" /> }} />
                </span>
              )}
            </span>
            <span className="text-muted-foreground">
              {t("cost.balance")} <span className="font-mono text-foreground">{formatNumber(estimate.balance)}</span>
            </span>
          </p>
          {!free && estimate.credits > 0 && <p className="mt-0.5 font-mono text-xs text-muted-foreground">{estimate.breakdown}</p>}
          {short && (
            <p className="mt-1.5 flex items-start gap-1.5 text-destructive-strong" role="alert">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              {t("cost.short", { credits: formatNumber(estimate.credits), balance: formatNumber(estimate.balance) })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
