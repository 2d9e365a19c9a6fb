import { CREDIT_KINDS, type CreditHistoryItem, type CreditKind } from "@image-studio/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Download, ReceiptText } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldClasses, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/i18n";
import { cn } from "@/lib/cn";
import { csvUrl, historyQuery, type HistoryFilter } from "../api";
import { fmt, LoadError } from "./section";

const KIND_LABEL = {
  grant: "kinds.grant",
  hold: "kinds.charge",
  charge: "kinds.charge",
  refund: "kinds.refund",
  adjust: "kinds.adjust",
  redeem: "kinds.redeem",
  purchase: "kinds.purchase",
} as const satisfies Record<CreditKind, string>;
const KIND_BADGE: Record<CreditKind, "primary" | "accent" | "success" | "warning" | "secondary"> = {
  grant: "success",
  hold: "primary",
  charge: "primary",
  refund: "accent",
  adjust: "warning",
  redeem: "success",
  purchase: "success",
};

function Row({ item }: { item: CreditHistoryItem }) {
  const { t } = useTranslation("usage");
  const kind = item.kind;
  return (
    <tr className="border-t border-border align-top">
      <td className="px-2 py-2 text-xs text-muted-foreground sm:text-sm">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
      </td>
      <td className="px-2 py-2">
        <span className="flex flex-wrap items-center gap-1.5">
          <Badge variant={KIND_BADGE[kind]}>{t(KIND_LABEL[kind])}</Badge>
          <span className="min-w-0 break-words text-sm">{item.reason}</span>
        </span>
        {(item.imageId || item.jobId) && (
          <span className="mt-0.5 flex flex-wrap gap-x-3 text-xs">
            {item.imageId && (
              <Link
                to="/images/$imageId"
                params={{ imageId: item.imageId }}
                className="rounded-sm text-primary-strong underline-offset-4 hover:underline"
              >
                {t("history.viewImage")}
              </Link>
            )}
            {item.jobId && !item.imageId && (
              <span className="font-mono text-muted-foreground">
                {t("history.job", { id: item.jobId.slice(0, 8) })}
              </span>
            )}
          </span>
        )}
      </td>
      <td className={cn("px-2 py-2 text-right font-mono tabular-nums", item.amount > 0 ? "text-success-strong" : "")}>
        {item.amount > 0 ? "+" : "−"}
        {fmt(Math.abs(item.amount))}
      </td>
      <td className="hidden px-2 py-2 text-right font-mono tabular-nums text-muted-foreground sm:table-cell">
        {fmt(item.balanceAfter)}
      </td>
    </tr>
  );
}

/** /usage/history: every ledger entry with its job or image, filtered by kind and dates, exportable as CSV. */
export function HistoryPage({ filter, onFilter }: { filter: HistoryFilter; onFilter: (f: HistoryFilter) => void }) {
  const { t } = useTranslation("usage");
  const q = useInfiniteQuery(historyQuery(filter));
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<HistoryFilter>) => onFilter({ ...filter, ...patch });
  return (
    <>
      <PageHeader
        title={t("history.title")}
        description={t("history.description")}
        actions={
          <>
            <Button asChild variant="ghost" size="sm">
              <Link to="/usage">
                <ArrowLeft className="size-4" aria-hidden="true" />
                {t("history.back")}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={csvUrl(filter)} download>
                <Download className="size-4" aria-hidden="true" />
                {t("history.export")}
              </a>
            </Button>
          </>
        }
      />
      <form
        role="search"
        aria-label={t("history.filterLabel")}
        className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="col-span-2 grid gap-1.5 sm:col-span-1">
          <Label htmlFor="history-kind">{t("history.kind")}</Label>
          <select
            id="history-kind"
            className={cn(fieldClasses, "h-9 pointer-coarse:h-11")}
            value={filter.kind ?? ""}
            onChange={(e) => set({ kind: (e.target.value || undefined) as CreditKind | undefined })}
          >
            <option value="">{t("history.allKinds")}</option>
            {CREDIT_KINDS.filter((k) => k !== "charge").map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="history-from">{t("history.from")}</Label>
          <Input
            id="history-from"
            type="date"
            value={filter.from ?? ""}
            max={filter.to}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="history-to">{t("history.to")}</Label>
          <Input
            id="history-to"
            type="date"
            value={filter.to ?? ""}
            min={filter.from}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </div>
        {(filter.kind || filter.from || filter.to) && (
          <div className="col-span-2 flex items-end sm:col-span-1">
            <Button type="button" variant="ghost" onClick={() => onFilter({})}>
              {t("history.clear")}
            </Button>
          </div>
        )}
      </form>
      <div aria-busy={q.isPending || undefined}>
        {q.isPending && (
          <div className="grid gap-2">
            <span className="sr-only">{t("history.loading")}</span>
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        )}
        {q.isError && <LoadError error={q.error} />}
        {q.data && !items.length && (
          <EmptyState
            icon={ReceiptText}
            title={t("history.emptyTitle")}
            description={filter.kind || filter.from || filter.to ? t("history.emptyFiltered") : t("history.empty")}
          />
        )}
        {!!items.length && (
          <div className="rounded-xl border border-border bg-card shadow-sm">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("history.title")}</caption>
              <thead>
                <tr className="text-left text-xs text-muted-foreground">
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("history.when")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("history.what")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("table.credits")}
                  </th>
                  <th scope="col" className="hidden px-2 py-2 text-right font-medium sm:table-cell">
                    {t("history.balance")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <Row key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {q.hasNextPage && (
          <div className="mt-4 flex justify-center">
            <Button
              variant="outline"
              onClick={() => void q.fetchNextPage()}
              disabled={q.isFetchingNextPage}
              aria-busy={q.isFetchingNextPage || undefined}
            >
              {t("history.more")}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
