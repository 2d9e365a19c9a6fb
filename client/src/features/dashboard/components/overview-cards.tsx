import { Link } from "@tanstack/react-router";
import { Coins, FolderKanban, HardDrive, Images } from "lucide-react";
import type { UsageStats } from "@image-studio/shared";
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
  return (
    <nav aria-label="Overview" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Card
        icon={Images}
        label="Images"
        value={fmt(stats.images)}
        note={`${fmt(stats.imagesThisMonth)} made this month`}
        to="/gallery"
      />
      <Card
        icon={Coins}
        label="Credits this month"
        value={fmt(stats.creditsSpentThisMonth)}
        note={`${fmt(stats.balance)} left`}
        to="/usage"
      />
      <Card icon={FolderKanban} label="Projects" value={fmt(stats.projects)} note="open projects" to="/projects" />
      <Card
        icon={HardDrive}
        label="Storage"
        value={formatBytes(stats.storageBytes)}
        note="images, trash and uploads"
        to="/settings"
      />
    </nav>
  );
}
