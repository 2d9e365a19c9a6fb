import { useQuery } from "@tanstack/react-query";
import { Coins, Images, TrendingUp, Wallet } from "lucide-react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("usage");
  const stats = useQuery(statsQuery);
  const limits = useQuery(limitsQuery);
  if (stats.isPending) {
    return (
      <div aria-busy="true" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <span className="sr-only">{t("summary.loading")}</span>
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
      <Stat icon={Wallet} label={t("summary.balance")} value={fmt(s.balance)} note={t("summary.balanceNote")} />
      <Stat
        icon={Coins}
        label={t("summary.spentMonth")}
        value={fmt(s.creditsSpentThisMonth)}
        note={limit !== null ? t("summary.ofLimit", { limit: fmt(limit) }) : t("summary.noLimit")}
      />
      <Stat
        icon={Images}
        label={t("summary.imagesMonth")}
        value={fmt(s.imagesThisMonth)}
        note={t("summary.inLibrary", { n: fmt(s.images) })}
      />
      <Stat
        icon={TrendingUp}
        label={t("summary.spentAll")}
        value={fmt(s.creditsSpent)}
        note={t("summary.spentAllNote")}
      />
    </dl>
  );
}
