import { JOB_STATUS } from "@image-studio/shared";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { cancelJob, type JobFilter, jobsOptions, retryJob } from "../api/admin";

const STATUS_VARIANT = { pending: "secondary", processing: "primary", completed: "success", failed: "destructive", cancelled: "outline" } as const;

/** The queue across users: filter, cancel what is waiting or running, retry what failed or was cancelled. */
export function JobsTab() {
  const qc = useQueryClient();
  const [filter, setFilter] = useState<JobFilter>({});
  const [email, setEmail] = useState("");
  const jobs = useInfiniteQuery(jobsOptions(filter));
  const refresh = () => void qc.invalidateQueries({ queryKey: ["admin", "jobs"] });
  const cancel = useMutation({ mutationFn: cancelJob, onSuccess: () => { toast.success("Job cancelled and refunded"); refresh(); }, onError: (e) => toast.error(e.message) });
  const retry = useMutation({ mutationFn: retryJob, onSuccess: () => { toast.success("Queued again for its owner"); refresh(); }, onError: (e) => toast.error(e.message) });
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="grid gap-4">
      <form className="flex flex-wrap gap-2" onSubmit={(e) => { e.preventDefault(); setFilter({ ...filter, q: email.trim() || undefined }); }}>
        <Select value={filter.status ?? "all"} onValueChange={(v) => setFilter({ ...filter, status: v === "all" ? undefined : v })}>
          <SelectTrigger className="w-40" aria-label="Job status"><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">Any status</SelectItem>
            {JOB_STATUS.map((s) => <SelectItem key={s} value={s} className="capitalize">{s}</SelectItem>)}
          </SelectContent>
        </Select>
        <label htmlFor="admin-job-owner" className="sr-only">Owner's e-mail</label>
        <Input id="admin-job-owner" type="search" placeholder="Owner's e-mail" value={email} onChange={(e) => setEmail(e.target.value)} className="w-56 max-w-full" />
        <Button type="submit" variant="outline">Filter</Button>
      </form>
      {jobs.isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : jobs.isError ? (
        <p role="alert">{jobs.error.message}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No jobs match.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-card" tabIndex={0} role="region" aria-label="Jobs (scrolls sideways)">
          <table className="w-full min-w-[48rem] text-sm">
            <caption className="sr-only">Jobs of every user</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Job</th>
                <th scope="col" className="px-3 py-2 font-medium">Owner</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 font-medium">Created</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
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
                  <td className="px-3 py-2"><Badge variant={STATUS_VARIANT[j.status]} className="capitalize">{j.status}</Badge></td>
                  <td className="px-3 py-2 text-xs">{new Date(j.createdAt).toLocaleString()}</td>
                  <td className="px-3 py-2 text-right">
                    {(j.status === "pending" || j.status === "processing") && (
                      <Button size="sm" variant="outline" onClick={() => cancel.mutate(j.id)} disabled={cancel.isPending} aria-label={`Cancel job ${j.prompt.slice(0, 40)}`}>Cancel</Button>
                    )}
                    {(j.status === "failed" || j.status === "cancelled") && (
                      <Button size="sm" variant="outline" onClick={() => retry.mutate(j.id)} disabled={retry.isPending} aria-label={`Retry job ${j.prompt.slice(0, 40)}`}>Retry</Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {jobs.hasNextPage && <Button variant="outline" className="w-fit justify-self-center" onClick={() => void jobs.fetchNextPage()} disabled={jobs.isFetchingNextPage}>Load more</Button>}
    </div>
  );
}
