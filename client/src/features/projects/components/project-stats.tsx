import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { projectStatsOptions } from "../api";

/** The stats sidebar: generations, cost, models used and images over time. */
export function ProjectStats({ projectId }: { projectId: string }) {
  const { t } = useTranslation("projects");
  const { data } = useQuery(projectStatsOptions(projectId));
  if (!data) return null;
  const max = Math.max(1, ...data.overTime.map((d) => d.count));
  return (
    <aside aria-label={t("stats.label")} className="space-y-4 rounded-xl border border-border p-4 text-sm">
      <dl className="grid grid-cols-2 gap-2">
        <dt className="text-muted-foreground">{t("stats.images")}</dt>
        <dd className="text-right font-medium">{data.imageCount}</dd>
        <dt className="text-muted-foreground">{t("stats.generations")}</dt>
        <dd className="text-right font-medium">{data.generations}</dd>
        <dt className="text-muted-foreground">{t("stats.cost")}</dt>
        <dd className="text-right font-medium">{t("stats.credits", { credits: data.costCredits })}</dd>
      </dl>
      {data.models.length > 0 && (
        <div>
          <h3 className="mb-1 font-medium">{t("stats.models")}</h3>
          <ul className="space-y-1">
            {data.models.map((m) => (
              <li key={m.modelId} className="flex justify-between gap-2">
                <span className="truncate">{m.modelId}</span>
                <span className="text-muted-foreground">{m.count}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.overTime.length > 0 && (
        <div>
          <h3 className="mb-1 font-medium">{t("stats.overTime")}</h3>
          <ul className="flex h-16 items-end gap-0.5" aria-label={t("stats.perDay")}>
            {data.overTime.slice(-30).map((d) => (
              <li
                key={d.day}
                title={t("stats.day", { day: d.day, n: d.count })}
                aria-label={t("stats.day", { day: d.day, n: d.count })}
                className="flex-1 rounded-t bg-primary/60"
                style={{ height: `${(d.count / max) * 100}%` }}
              />
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
