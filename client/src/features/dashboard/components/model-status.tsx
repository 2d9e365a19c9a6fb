import { useTranslation } from "react-i18next";
import type { DashboardModel } from "../api";
import { formatNumber } from "@/i18n";
import { cn } from "@/lib/cn";

const DOT = { available: "bg-success", degraded: "bg-warning", disabled: "bg-muted-foreground/50" } as const;
const WORD = { available: "models.available", degraded: "models.degraded", disabled: "models.disabled" } as const;

/** Each model's state: available, degraded (recent jobs failing) or disabled (turned off, or cannot run here). */
export function ModelStatus({ models }: { models: DashboardModel[] }) {
  const { t } = useTranslation("dashboard");
  const order = { degraded: 0, available: 1, disabled: 2 } as const;
  const sorted = [...models].sort(
    (a, b) => order[a.status] - order[b.status] || a.modelName.localeCompare(b.modelName),
  );
  const counts = { available: 0, degraded: 0, disabled: 0 };
  for (const m of models) counts[m.status]++;
  return (
    <>
      <p className="mb-2 text-xs text-muted-foreground">
        {t("models.counts", {
          available: formatNumber(counts.available),
          degraded: formatNumber(counts.degraded),
          disabled: formatNumber(counts.disabled),
        })}
      </p>
      <ul className="grid max-h-64 gap-1 overflow-y-auto pr-1" tabIndex={0} aria-label={t("models.listLabel")}>
        {sorted.map((m) => (
          <li key={m.modelId} className="flex items-start gap-2 py-1 text-sm">
            <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", DOT[m.status])} aria-hidden="true" />
            <span className="min-w-0 flex-1">
              <span className={m.status === "disabled" ? "text-muted-foreground" : ""}>{m.modelName}</span>
              {m.reason && (
                <span className="block truncate text-xs text-muted-foreground" title={m.reason}>
                  {m.reason}
                </span>
              )}
            </span>
            <span
              className={cn(
                "shrink-0 text-xs",
                m.status === "degraded" ? "font-medium text-warning-strong" : "text-muted-foreground",
              )}
            >
              {t(WORD[m.status])}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
