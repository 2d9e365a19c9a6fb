import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { overviewOptions, statsOptions } from "../api/admin";
import { bytes, fmt, StatCard } from "./stat-card";

/** System stats and the usage overview (images, credits, active users, jobs, failures, storage, guests, abuse). */
export function OverviewTab() {
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
        <h2 id="ov-system" className="text-lg font-semibold">System</h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <StatCard label="Users" value={fmt(s.users.total)} hint={`${fmt(s.users.newLast7Days)} new this week · ${fmt(s.users.admins)} admins`} />
          <StatCard label="Active users (24 h)" value={fmt(v.activeUsers.last24Hours)} hint={`${fmt(v.activeUsers.inWindow)} in ${days} days`} />
          <StatCard label="Images" value={fmt(v.images.total)} hint={`${fmt(v.images.inWindow)} in ${days} days`} />
          <StatCard label="Storage" value={bytes(v.storage.bytes)} hint={`${fmt(v.storage.files)} files`} />
        </div>
      </section>
      <section aria-labelledby="ov-usage" className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ov-usage" className="text-lg font-semibold">Usage</h2>
          <Select value={String(days)} onValueChange={(d) => setDays(Number(d))}>
            <SelectTrigger className="w-40" aria-label="Period">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {[1, 7, 30, 90, 365].map((d) => (
                <SelectItem key={d} value={String(d)}>{d === 1 ? "Last 24 hours" : `Last ${d} days`}</SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <StatCard label="Credits spent" value={fmt(v.credits.spentInWindow)} />
          <StatCard label="Credits granted" value={fmt(v.credits.grantedInWindow)} />
          <StatCard label="Credits outstanding" value={fmt(v.credits.outstanding)} hint="sum of all balances" />
          <StatCard label="Guests" value={fmt(v.guests.total)} hint={`${fmt(v.guests.inWindow)} new in ${days} days`} />
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="ov-jobs" className="rounded-xl border border-border bg-card p-4">
          <h2 id="ov-jobs" className="mb-2 font-semibold">Jobs by status</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            {Object.entries(v.jobsByStatus).map(([k, n]) => (
              <div key={k} className="contents">
                <dt className="capitalize text-muted-foreground">{k}</dt>
                <dd className="text-right font-mono">{fmt(n)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="ov-fail" className="rounded-xl border border-border bg-card p-4">
          <h2 id="ov-fail" className="mb-2 font-semibold">Failures by model</h2>
          {v.failuresByModel.length === 0 ? (
            <p className="text-sm text-muted-foreground">No failed jobs in this period.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {v.failuresByModel.map((f) => (
                <li key={f.modelId} className="flex justify-between gap-2">
                  <span className="truncate font-mono text-xs">{f.modelId}</span>
                  <span className="font-mono">{f.failed}/{f.total} ({Math.round((f.failed / f.total) * 100)}%)</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="ov-abuse" className="rounded-xl border border-border bg-card p-4">
          <h2 id="ov-abuse" className="mb-2 font-semibold">Abuse and health</h2>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Suspended</dt><dd className="text-right font-mono">{fmt(v.abuse.banned)}</dd>
            <dt className="text-muted-foreground">Deactivated</dt><dd className="text-right font-mono">{fmt(v.abuse.inactive)}</dd>
            <dt className="text-muted-foreground">Failed jobs</dt><dd className="text-right font-mono">{fmt(v.abuse.failedJobsInWindow)}</dd>
          </dl>
          {v.abuse.topFailingUsers.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-medium">Most failed jobs</h3>
              <ul className="mt-1 grid gap-1 text-sm">
                {v.abuse.topFailingUsers.map((u) => (
                  <li key={u.userId} className="flex justify-between gap-2"><span className="truncate">{u.email}</span><span className="font-mono">{u.failed}</span></li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
