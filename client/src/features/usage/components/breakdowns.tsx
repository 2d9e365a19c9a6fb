import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { byModelQuery, byProjectQuery, compareQuery } from "../api";
import { fmt, LoadError, Section } from "./section";

const th = "px-2 py-1.5 text-left text-xs font-medium text-muted-foreground";
const td = "px-2 py-1.5 align-top";
const num = "px-2 py-1.5 text-right font-mono tabular-nums";

function Rows({ busy, rows }: { busy: boolean; rows: number }) {
  if (!busy) return null;
  return (
    <div className="grid gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-7 w-full" />
      ))}
    </div>
  );
}

function Share({ value, total }: { value: number; total: number }) {
  const pct = total > 0 ? Math.round((value / total) * 100) : 0;
  return (
    <div className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
      <div className="h-full rounded-full bg-primary" style={{ width: `${pct}%` }} />
    </div>
  );
}

interface ShareRow {
  key: string;
  label: ReactNode;
  images: number;
  credits: number;
}

/** Rows of images and credits, each with its share of all credits as a bar; `head` names the first column. */
function ShareTable({ head, rows }: { head: string; rows: ShareRow[] }) {
  const { t } = useTranslation("usage");
  const total = rows.reduce((s, r) => s + r.credits, 0);
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th scope="col" className={th}>
            {head}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("table.images")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("table.credits")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-border">
            <td className={td}>
              {r.label}
              <Share value={r.credits} total={total} />
            </td>
            <td className={num}>{fmt(r.images)}</td>
            <td className={num}>{fmt(r.credits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ByModelSection() {
  const { t } = useTranslation("usage");
  const q = useQuery(byModelQuery);
  return (
    <Section title={t("byModel.title")} description={t("byModel.description")} busy={q.isPending}>
      <Rows busy={q.isPending} rows={3} />
      {q.isError && <LoadError error={q.error} />}
      {q.data && !q.data.items.length && <p className="text-sm text-muted-foreground">{t("byModel.empty")}</p>}
      {!!q.data?.items.length && (
        <ShareTable head={t("table.model")} rows={q.data.items.map((r) => ({ key: r.modelId || "other", label: r.modelName, images: r.images, credits: r.credits }))} />
      )}
    </Section>
  );
}

export function ByProjectSection() {
  const { t } = useTranslation("usage");
  const q = useQuery(byProjectQuery);
  const label = (r: { projectId: string | null; projectName: string | null }) =>
    r.projectId && r.projectName ? (
      <Link to="/projects/$projectId" params={{ projectId: r.projectId }} className="rounded-sm text-primary-strong underline-offset-4 hover:underline">
        {r.projectName}
      </Link>
    ) : (
      <span className="text-muted-foreground">{r.projectId ? t("byProject.deleted") : t("byProject.none")}</span>
    );
  return (
    <Section title={t("byProject.title")} description={t("byProject.description")} busy={q.isPending}>
      <Rows busy={q.isPending} rows={3} />
      {q.isError && <LoadError error={q.error} />}
      {q.data && !q.data.items.length && <p className="text-sm text-muted-foreground">{t("byProject.empty")}</p>}
      {!!q.data?.items.length && (
        <ShareTable head={t("table.project")} rows={q.data.items.map((r) => ({ key: r.projectId ?? "none", label: label(r), images: r.images, credits: r.credits }))} />
      )}
    </Section>
  );
}

const stars = (n: number) => `${"●".repeat(n)}${"○".repeat(5 - n)}`;

/** One run at the user's typical settings on every text-to-image model, cheapest first. */
export function CompareSection() {
  const { t } = useTranslation("usage");
  const q = useQuery(compareQuery);
  const s = q.data?.settings;
  return (
    <Section
      title={t("compare.title")}
      busy={q.isPending}
      description={
        s ? (
          <Trans
            t={t}
            i18nKey={s.basedOnJobs ? "compare.fromRuns" : "compare.defaults"}
            count={s.basedOnJobs || undefined}
            values={{ width: s.width, height: s.height, images: t("compare.images", { count: s.numImages }) }}
            components={{ mono: <span className="font-mono" /> }}
          />
        ) : (
          t("compare.description")
        )
      }
    >
      <Rows busy={q.isPending} rows={5} />
      {q.isError && <LoadError error={q.error} />}
      {q.data && (
        <div className="-mx-1 max-h-96 overflow-y-auto px-1" tabIndex={0} role="region" aria-label={t("compare.label")}>
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-card">
              <tr>
                <th scope="col" className={th}>
                  {t("table.model")}
                </th>
                <th scope="col" className={`${th} hidden sm:table-cell`}>
                  {t("compare.speedQuality")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("table.credits")}
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((m) => (
                <tr key={m.modelId} className="border-t border-border">
                  <td className={td}>
                    <span className={m.available ? "" : "text-muted-foreground"}>{m.modelName}</span>{" "}
                    {m.usedByYou && <Badge variant="primary">{t("compare.youUseIt")}</Badge>}{" "}
                    {!m.available && <Badge variant="secondary">{t("compare.unavailable")}</Badge>}
                  </td>
                  <td className={`${td} hidden font-mono text-xs sm:table-cell`}>
                    <span aria-label={t("compare.rating", { speed: m.speed, quality: m.quality })}>
                      {stars(m.speed)} · {stars(m.quality)}
                    </span>
                  </td>
                  <td className={num}>{fmt(m.credits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
