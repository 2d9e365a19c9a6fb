import { JOB_STATUS } from "@image-studio/shared";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/i18n";
import { cancelJob, type JobFilter, jobsOptions, retryJob } from "../api/admin";

const STATUS_VARIANT = { pending: "secondary", processing: "primary", completed: "success", failed: "destructive", cancelled: "outline" } as const;

/** The queue across users: filter, cancel what is waiting or running, retry what failed or was cancelled. */
export function JobsTab() {
  const { t } = useTranslation("admin");
  const qc = useQueryClient();
  const [filter, setFilter] = useState<JobFilter>({});
  const [email, setEmail] = useState("");
  const jobs = useInfiniteQuery(jobsOptions(filter));
  const refresh = () => void qc.invalidateQueries({ queryKey: ["admin", "jobs"] });
  const cancel = useMutation({ mutationFn: cancelJob, onSuccess: () => { toast.success(t("jobs.cancelled")); refresh(); }, onError: (e) => toast.error(e.message) });
  const retry = useMutation({ mutationFn: retryJob, onSuccess: () => { toast.success(t("jobs.retried")); refresh(); }, onError: (e) => toast.error(e.message) });
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid gap-4">
      <form className="flex flex-wrap gap-2" onSubmit={(e) => { e.preventDefault(); setFilter({ ...filter, q: email.trim() || undefined }); }}>
        <Select value={filter.status ?? "all"} onValueChange={(v) => setFilter({ ...filter, status: v === "all" ? undefined : v })}>
          <SelectTrigger className="w-40" aria-label={t("jobs.statusLabel")}><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("jobs.anyStatus")}</SelectItem>
            {JOB_STATUS.map((s) => <SelectItem key={s} value={s} className="capitalize">{t(`jobStatus.${s}`)}</SelectItem>)}
          </SelectContent>
        </Select>
        <label htmlFor="admin-job-owner" className="sr-only">{t("jobs.owner")}</label>
        <Input id="admin-job-owner" type="search" placeholder={t("jobs.owner")} value={email} onChange={(e) => setEmail(e.target.value)} className="w-56 max-w-full" />
        <Button type="submit" variant="outline">{t("filter")}</Button>
      </form>
      {jobs.isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : jobs.isError ? (
        <p role="alert">{jobs.error.message}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("jobs.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-card" tabIndex={0} role="region" aria-label={t("jobs.region")}>
          <table className="w-full min-w-[48rem] text-sm">
            <caption className="sr-only">{t("jobs.caption")}</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("jobs.columns.job")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("jobs.columns.owner")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("jobs.columns.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("jobs.columns.created")}</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((j) => (
                <tr key={j.id} className="border-t border-border align-top">
                  <td className="max-w-72 px-3 py-2">
                    <div className="truncate" title={j.prompt}>{j.prompt || j.operation}</div>
                    <div className="font-mono text-xs text-muted-foreground">{j.modelId}</div>
                    {j.errorMessage && j.status === "failed" && <div className="text-xs text-destructive-strong">{j.errorMessage}</div>}
                  </td>
                  <td className="px-3 py-2 text-xs">{j.userEmail}</td>
                  <td className="px-3 py-2"><Badge variant={STATUS_VARIANT[j.status]} className="capitalize">{t(`jobStatus.${j.status}`)}</Badge></td>
                  <td className="px-3 py-2 text-xs">{formatDateTime(j.createdAt)}</td>
                  <td className="px-3 py-2 text-right">
                    {(j.status === "pending" || j.status === "processing") && (
                      <Button size="sm" variant="outline" onClick={() => cancel.mutate(j.id)} disabled={cancel.isPending} aria-label={t("jobs.cancelLabel", { prompt: j.prompt.slice(0, 40) })}>{t("cancel")}</Button>
                    )}
                    {(j.status === "failed" || j.status === "cancelled") && (
                      <Button size="sm" variant="outline" onClick={() => retry.mutate(j.id)} disabled={retry.isPending} aria-label={t("jobs.retryLabel", { prompt: j.prompt.slice(0, 40) })}>{t("jobs.retry")}</Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {jobs.hasNextPage && <Button variant="outline" className="w-fit justify-self-center" onClick={() => void jobs.fetchNextPage()} disabled={jobs.isFetchingNextPage}>{t("loadMore")}</Button>}
    </div>
  );
}
