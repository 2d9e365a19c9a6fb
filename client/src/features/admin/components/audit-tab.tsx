import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/i18n";
import { type AuditFilter, auditOptions } from "../api/admin";

const describe = (d: Record<string, unknown>) =>
  Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");

/** Every admin action, newest first; filter by action (or a prefix like `user.`) and target. */
export function AuditTab() {
  const { t } = useTranslation("admin");
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useInfiniteQuery(auditOptions(filter));
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid gap-4">
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); setFilter({ action: draft.action?.trim() || undefined, targetId: draft.targetId?.trim() || undefined }); }}>
        <div className="grid gap-1">
          <Label htmlFor="audit-action">{t("audit.action")}</Label>
          <Input id="audit-action" placeholder={t("audit.actionPlaceholder")} value={draft.action ?? ""} onChange={(e) => setDraft({ ...draft, action: e.target.value })} className="w-48 font-mono" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="audit-target">{t("audit.target")}</Label>
          <Input id="audit-target" placeholder={t("audit.targetPlaceholder")} value={draft.targetId ?? ""} onChange={(e) => setDraft({ ...draft, targetId: e.target.value })} className="w-64 max-w-full font-mono" />
        </div>
        <Button type="submit" variant="outline">{t("filter")}</Button>
      </form>
      {log.isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : log.isError ? (
        <p role="alert">{log.error.message}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("audit.empty")}</p>
      ) : (
        <ol className="grid gap-1 rounded-xl border border-border bg-card p-2" aria-label={t("tabs.audit")}>
          {items.map((e) => (
            <li key={e.id} className="grid gap-0.5 rounded-lg px-2 py-1.5 text-sm sm:grid-cols-[11rem_10rem_1fr] sm:gap-3">
              <time dateTime={e.createdAt} className="text-xs text-muted-foreground">{formatDateTime(e.createdAt)}</time>
              <span className="font-mono text-xs font-semibold">{e.action}</span>
              <span className="min-w-0 break-words text-xs">
                <span className="text-muted-foreground">{e.actorEmail}</span>
                {e.targetType && <> → {e.targetType} <span className="font-mono">{e.targetId}</span></>}
                {Object.keys(e.details).length > 0 && <span className="block text-muted-foreground">{describe(e.details)}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && <Button variant="outline" className="w-fit justify-self-center" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>{t("loadMore")}</Button>}
    </div>
  );
}
