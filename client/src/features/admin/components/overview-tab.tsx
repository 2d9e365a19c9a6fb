import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/i18n";
import { overviewOptions, statsOptions } from "../api/admin";
import { bytes, fmt, StatCard } from "./stat-card";

/** System stats and the usage overview (images, credits, active users, jobs, failures, storage, guests, abuse). */
export function OverviewTab() {
  const { t } = useTranslation("admin");
  const [days, setDays] = useState(30);
  const stats = useQuery(statsOptions);
  const o = useQuery(overviewOptions(days));
  if (stats.isPending || o.isPending) return <Skeleton className="h-96 rounded-xl" />;
  if (stats.isError || o.isError) return <p role="alert">{(stats.error ?? o.error)?.message}</p>;
  const s = stats.data;
  const v = o.data;
  return (
    <div className="grid gap-6">
      <section aria-labelledby="ov-system" className="grid gap-3">
        <h2 id="ov-system" className="text-lg font-semibold">{t("overview.system")}</h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <StatCard label={t("overview.users")} value={fmt(s.users.total)} hint={t("overview.usersHint", { new: fmt(s.users.newLast7Days), admins: fmt(s.users.admins) })} />
          <StatCard label={t("overview.activeUsers")} value={fmt(v.activeUsers.last24Hours)} hint={t("overview.inDays", { value: fmt(v.activeUsers.inWindow), count: days })} />
          <StatCard label={t("overview.images")} value={fmt(v.images.total)} hint={t("overview.inDays", { value: fmt(v.images.inWindow), count: days })} />
          <StatCard label={t("overview.storage")} value={bytes(v.storage.bytes)} hint={t("overview.files", { count: v.storage.files, value: fmt(v.storage.files) })} />
        </div>
      </section>
      <section aria-labelledby="ov-usage" className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ov-usage" className="text-lg font-semibold">{t("overview.usage")}</h2>
          <Select value={String(days)} onValueChange={(d) => setDays(Number(d))}>
            <SelectTrigger className="w-40" aria-label={t("overview.period")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {[1, 7, 30, 90, 365].map((d) => (
                <SelectItem key={d} value={String(d)}>{d === 1 ? t("overview.last24Hours") : t("overview.lastDays", { count: d })}</SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <StatCard label={t("overview.creditsSpent")} value={fmt(v.credits.spentInWindow)} />
          <StatCard label={t("overview.creditsGranted")} value={fmt(v.credits.grantedInWindow)} />
          <StatCard label={t("overview.creditsOutstanding")} value={fmt(v.credits.outstanding)} hint={t("overview.creditsOutstandingHint")} />
          <StatCard label={t("overview.guests")} value={fmt(v.guests.total)} hint={t("overview.newInDays", { value: fmt(v.guests.inWindow), count: days })} />
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="ov-jobs" className="rounded-xl border border-border bg-card p-4">
          <h2 id="ov-jobs" className="mb-2 font-semibold">{t("overview.jobsByStatus")}</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            {(Object.entries(v.jobsByStatus) as [keyof typeof v.jobsByStatus, number][]).map(([k, n]) => (
              <div key={k} className="contents">
                <dt className="capitalize text-muted-foreground">{t(`jobStatus.${k}`)}</dt>
                <dd className="text-right font-mono">{fmt(n)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="ov-fail" className="rounded-xl border border-border bg-card p-4">
          <h2 id="ov-fail" className="mb-2 font-semibold">{t("overview.failuresByModel")}</h2>
          {v.failuresByModel.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("overview.noFailures")}</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {v.failuresByModel.map((f) => (
                <li key={f.modelId} className="flex justify-between gap-2">
                  <span className="truncate font-mono text-xs">{f.modelId}</span>
                  <span className="font-mono">{t("overview.failureRate", { failed: fmt(f.failed), total: fmt(f.total), percent: formatNumber(f.failed / f.total, { style: "percent", maximumFractionDigits: 0 }) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="ov-abuse" className="rounded-xl border border-border bg-card p-4">
          <h2 id="ov-abuse" className="mb-2 font-semibold">{t("overview.abuse")}</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-muted-foreground">{t("status.banned")}</dt><dd className="text-right font-mono">{fmt(v.abuse.banned)}</dd>
            <dt className="text-muted-foreground">{t("status.inactive")}</dt><dd className="text-right font-mono">{fmt(v.abuse.inactive)}</dd>
            <dt className="text-muted-foreground">{t("overview.failedJobs")}</dt><dd className="text-right font-mono">{fmt(v.abuse.failedJobsInWindow)}</dd>
          </dl>
          {v.abuse.topFailingUsers.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-medium">{t("overview.mostFailed")}</h3>
              <ul className="mt-1 grid gap-1 text-sm">
                {v.abuse.topFailingUsers.map((u) => (
                  <li key={u.userId} className="flex justify-between gap-2"><span className="truncate">{u.email}</span><span className="font-mono">{fmt(u.failed)}</span></li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
