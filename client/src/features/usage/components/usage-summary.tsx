import { useQuery } from "@tanstack/react-query";
import { Coins, Images, TrendingUp, Wallet } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { limitsQuery, statsQuery } from "../api";
import { fmt, LoadError } from "./section";

function Stat({ icon: Icon, label, value, note }: { icon: typeof Coins; label: string; value: string; note?: string }) {
  return (
    <div className="rounded-xl border border-border bg-card p-4 shadow-sm">
      <dt className="flex items-center gap-2 text-sm text-muted-foreground">
        <Icon className="size-4 text-primary-strong" aria-hidden="true" />
        {label}
      </dt>
      <dd className="mt-1 font-mono text-2xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="mt-0.5 text-xs text-muted-foreground">{note}</dd>}
    </div>
  );
}

/** Balance, this month's spending (against the limit), images this month and all-time spending. */
export function UsageSummary() {
  const stats = useQuery(statsQuery);
  const limits = useQuery(limitsQuery);
  if (stats.isPending) {
    return (
      <div aria-busy="true" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <span className="sr-only">Loading your figures…</span>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
    );
  }
  if (stats.isError) return <LoadError error={stats.error} />;
  const s = stats.data;
  const limit = limits.data?.monthlyLimit ?? null;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat icon={Wallet} label="Balance" value={fmt(s.balance)} note="credits" />
      <Stat
        icon={Coins}
        label="Spent this month"
        value={fmt(s.creditsSpentThisMonth)}
        note={limit !== null ? `of your ${fmt(limit)} limit` : "no monthly limit"}
      />
      <Stat
        icon={Images}
        label="Images this month"
        value={fmt(s.imagesThisMonth)}
        note={`${fmt(s.images)} in your library`}
      />
      <Stat icon={TrendingUp} label="Spent in all" value={fmt(s.creditsSpent)} note="credits, after refunds" />
    </dl>
  );
}
