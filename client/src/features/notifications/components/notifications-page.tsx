import type { NotificationKind } from "@image-studio/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BellOff, CheckCheck, CloudOff, Settings } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { notificationListOptions, waitingForNetwork } from "../api/notifications";
import { useNotificationActions } from "../hooks/use-notifications";
import { KIND_LABEL_KEYS, relativeTime } from "../lib/format";
import { NotificationItem } from "./notification-item";

/** Filter groups of the page (several kinds each); labels are keys of the notifications catalog. */
export const KIND_GROUPS: Record<string, { label: "groups.jobs" | "groups.credits" | "groups.social" | (typeof KIND_LABEL_KEYS)["model.announcement"]; kinds: NotificationKind[] }> = {
  jobs: { label: "groups.jobs", kinds: ["job.completed", "job.failed", "batch.completed"] },
  credits: { label: "groups.credits", kinds: ["credits.low", "credits.limit", "credits.granted", "credits.expiring"] },
  social: { label: "groups.social", kinds: ["share.viewed", "share.review", "comment.new", "comment.mention", "team.invite", "review.updated", "community.unpublished"] },
  models: { label: KIND_LABEL_KEYS["model.announcement"], kinds: ["model.announcement"] },
};

const SHOW = ["all", "unread"] as const;

export interface NotificationsSearch {
  show?: "all" | "unread";
  kind?: string;
}

export function NotificationsPage({ search, onSearch }: { search: NotificationsSearch; onSearch: (s: NotificationsSearch) => void }) {
  const { t } = useTranslation("notifications");
  const show = search.show ?? "all";
  const group = search.kind && KIND_GROUPS[search.kind] ? search.kind : "all";
  const filter = { unread: show === "unread" || undefined, kinds: group === "all" ? undefined : KIND_GROUPS[group]!.kinds };
  const q = useInfiniteQuery(notificationListOptions(filter, 20));
  const { readAll } = useNotificationActions();
  const first = q.data?.pages[0];
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = first?.unreadCount ?? 0;
  return (
    <>
      <PageHeader
        title={t("page.title")}
        description={t("page.description")}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link to="/settings" search={{ tab: "notifications" }}>
                <Settings aria-hidden="true" /> {t("page.preferences")}
              </Link>
            </Button>
            <Button onClick={() => readAll.mutate()} disabled={!unread || readAll.isPending || !!first?.offlineSince}>
              <CheckCheck aria-hidden="true" /> {t("markAllRead")}
            </Button>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3" role="group" aria-label={t("page.filters")}>
        <div className="inline-flex rounded-lg border border-border p-0.5" role="radiogroup" aria-label={t("page.show")}>
          {SHOW.map((v) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={show === v}
              onClick={() => onSearch({ ...search, show: v === "all" ? undefined : v })}
              className="rounded-md px-3 py-1.5 text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring aria-checked:bg-primary/15 aria-checked:text-primary-strong pointer-coarse:min-h-11"
            >
              {v === "all" ? t("page.all") : unread ? t("page.unreadCount", { n: unread }) : t("page.unread")}
            </button>
          ))}
        </div>
        <Select value={group} onValueChange={(v) => onSearch({ ...search, kind: v === "all" ? undefined : v })}>
          <SelectTrigger className="w-56" aria-label={t("page.kind")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("page.allKinds")}</SelectItem>
            {Object.entries(KIND_GROUPS).map(([k, g]) => (
              <SelectItem key={k} value={k}>
                {t(g.label)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {first?.offlineSince && (
        <p role="status" className="mb-4 flex items-center gap-2 rounded-xl border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          <CloudOff className="size-4" aria-hidden="true" /> {t("page.offline", { when: relativeTime(new Date(first.offlineSince).toISOString()) })}
        </p>
      )}
      {!items.length && waitingForNetwork(q) ? (
        <EmptyState icon={CloudOff} title={t("bell.offline")} />
      ) : q.isPending ? (
        <div className="grid gap-2" aria-label={t("loading")}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-16 rounded-xl" />
          ))}
        </div>
      ) : q.isError && !items.length ? (
        <EmptyState icon={CloudOff} title={t("page.loadFailed")} description={q.error.message} action={<Button onClick={() => void q.refetch()}>{t("tryAgain")}</Button>} />
      ) : items.length === 0 ? (
        <EmptyState icon={BellOff} title={show === "unread" ? t("page.nothingUnread") : t("page.empty")} description={t("page.emptyDescription")} />
      ) : (
        <div className="rounded-xl border border-border bg-card p-1.5">
          <ul className="grid gap-1" aria-label={t("page.title")}>
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} />
            ))}
          </ul>
          {q.hasNextPage && (
            <div className="p-2 text-center">
              <Button variant="outline" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
                {q.isFetchingNextPage ? t("page.loadingMore") : t("page.loadMore")}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
