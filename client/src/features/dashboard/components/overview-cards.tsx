import { Link } from "@tanstack/react-router";
import { Coins, FolderKanban, HardDrive, Images } from "lucide-react";
import type { UsageStats } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import { fmt, formatBytes } from "./panel";

function Card({
  icon: Icon,
  label,
  value,
  note,
  to,
}: {
  icon: typeof Coins;
  label: string;
  value: string;
  note: string;
  to: "/gallery" | "/usage" | "/projects" | "/settings";
}) {
  return (
    <Link
      to={to}
      className="group rounded-xl border border-border bg-card p-4 shadow-sm transition-shadow hover:shadow-md"
    >
      <span className="flex items-center gap-2 text-sm text-muted-foreground">
        <span className="grid size-7 place-items-center rounded-lg bg-primary/15 text-primary-strong">
          <Icon className="size-4" aria-hidden="true" />
        </span>
        {label}
      </span>
      <span className="mt-2 block font-mono text-2xl font-semibold tabular-nums">{value}</span>
      <span className="block text-xs text-muted-foreground">{note}</span>
    </Link>
  );
}

/** Images, credits used this month, projects, storage. */
export function OverviewCards({ stats }: { stats: UsageStats }) {
  const { t } = useTranslation("dashboard");
  return (
    <nav aria-label={t("overview.label")} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Card
        icon={Images}
        label={t("overview.images")}
        value={fmt(stats.images)}
        note={t("overview.imagesNote", { n: fmt(stats.imagesThisMonth) })}
        to="/gallery"
      />
      <Card
        icon={Coins}
        label={t("overview.credits")}
        value={fmt(stats.creditsSpentThisMonth)}
        note={t("overview.creditsNote", { n: fmt(stats.balance) })}
        to="/usage"
      />
      <Card
        icon={FolderKanban}
        label={t("overview.projects")}
        value={fmt(stats.projects)}
        note={t("overview.projectsNote")}
        to="/projects"
      />
      <Card
        icon={HardDrive}
        label={t("overview.storage")}
        value={formatBytes(stats.storageBytes, t)}
        note={t("overview.storageNote")}
        to="/settings"
      />
    </nav>
  );
}
