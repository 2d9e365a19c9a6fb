import type { ActivityItem } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Layers, MessageSquare, Share2, Sparkles, Wand2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ago } from "./panel";

const ICONS = {
  generated: Sparkles,
  iterated: Wand2,
  shared: Share2,
  commented: MessageSquare,
  batch: Layers,
} as const;

/** Generated, iterated, shared, commented, batch finished — newest first. */
export function ActivityFeed({ items, now }: { items: ActivityItem[]; now: number }) {
  const { t } = useTranslation("dashboard");
  if (!items.length) return <p className="text-sm text-muted-foreground">{t("activity.empty")}</p>;
  return (
    <ol className="grid gap-3">
      {items.map((a) => {
        const Icon = ICONS[a.type];
        const body = (
          <>
            <span className="font-medium">{a.title}</span>
            {a.detail && <span className="block truncate text-muted-foreground">{a.detail}</span>}
          </>
        );
        return (
          <li key={a.id} className="flex gap-3 text-sm">
            <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-accent/15 text-accent-strong">
              <Icon className="size-4" aria-hidden="true" />
            </span>
            <span className="min-w-0 flex-1">
              {a.link ? (
                <Link to={a.link as "/gallery"} className="block rounded-sm hover:underline">
                  {body}
                </Link>
              ) : (
                body
              )}
              <time dateTime={a.at} className="text-xs text-muted-foreground">
                {ago(a.at, now)}
              </time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
