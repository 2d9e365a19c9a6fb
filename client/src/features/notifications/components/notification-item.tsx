import type { Notification } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Check, Trash2 } from "lucide-react";
import { createElement } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useNotificationActions } from "../hooks/use-notifications";
import { fullDateTime, kindIcon, relativeTime } from "../lib/format";
import { useNotificationWords } from "../lib/words";

const ICON_PROPS = { className: "size-4", "aria-hidden": true } as const;

/** One notification: icon, title (a link when it has one), body, time; mark read and (optionally) delete. */
export function NotificationItem({ n, onOpen, compact = false }: { n: Notification; onOpen?: () => void; compact?: boolean }) {
  const { t } = useTranslation("notifications");
  const { read, remove } = useNotificationActions();
  const words = useNotificationWords(n);
  const unread = !n.readAt;
  const open = () => {
    if (unread) read.mutate(n);
    onOpen?.();
  };
  const title = <span className={cn("text-sm", unread ? "font-semibold" : "font-medium")}>{words.title}</span>;
  return (
    <li className={cn("group relative flex gap-3 rounded-xl px-3 py-2.5", unread ? "bg-primary/5" : "")} data-unread={unread || undefined}>
      <span className={cn("mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg", n.kind === "job.failed" ? "bg-destructive/15 text-destructive-strong" : "bg-primary/15 text-primary-strong")}>
        {createElement(kindIcon(n.kind), ICON_PROPS)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex items-start gap-2">
          {n.link ? (
            <Link to={n.link} onClick={open} className="rounded-sm outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
              {title}
            </Link>
          ) : (
            title
          )}
          {unread && (
            <span className="mt-1.5 size-2 shrink-0 rounded-full bg-accent" aria-hidden="true" />
          )}
          {unread && <span className="sr-only">{t("item.unread")}</span>}
        </p>
        {words.body && <p className={cn("text-sm text-muted-foreground", compact && "line-clamp-2")}>{words.body}</p>}
        <p className="mt-0.5 text-xs text-muted-foreground">
          <time dateTime={n.createdAt} title={fullDateTime(n.createdAt)}>
            {relativeTime(n.createdAt)}
          </time>
        </p>
      </div>
      <div className="flex shrink-0 items-start gap-0.5">
        {unread && (
          <Button variant="ghost" size="icon" className="size-8" onClick={() => read.mutate(n)} aria-label={t("item.markReadLabel", { title: words.title })} title={t("item.markRead")}>
            <Check aria-hidden="true" />
          </Button>
        )}
        {!compact && (
          <Button variant="ghost" size="icon" className="size-8" onClick={() => remove.mutate(n)} aria-label={t("item.deleteLabel", { title: words.title })} title={t("item.delete")}>
            <Trash2 aria-hidden="true" />
          </Button>
        )}
      </div>
    </li>
  );
}
