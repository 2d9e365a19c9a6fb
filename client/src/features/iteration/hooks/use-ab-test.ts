import type { Job } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ApiError } from "@/lib/api";
import { cancelJob, fetchJob, jobKeys } from "@/lib/jobs/job-api";
import { failureReason } from "@/lib/jobs/failure-reason";
import { call, rpc } from "@/lib/rpc";
import { generate } from "../api/iteration-api";

export interface AbSide {
  prompt: string;
  modelId: string;
}

/** What "keep the winner" did: the winner is a favourite, the loser is in the trash (restorable). */
export interface AbDecision {
  winner: string;
  loser: string;
  label: "A" | "B";
}

const FINISHED = ["completed", "failed", "cancelled"];
/** A seed both sides share. */
export const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1;

const favorite = (id: string, on: boolean) => call(rpc.images[":id{[0-9a-fA-F-]{36}}"].favorite.$post({ param: { id }, json: { favorite: on } }));

function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ["iteration", "ab-job", id],
    queryFn: () => fetchJob(id!),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 1000),
  });
}

/**
 * Two text-to-image jobs with one seed, queued together. If only one side could be queued, it is cancelled:
 * a test with one side is no test. Keeping a winner favourites it and moves the other image to the trash.
 */
export function useAbTest() {
  const { t } = useTranslation("iteration");
  const message = (err: unknown) => (err instanceof ApiError ? err.message : t("common.tryAgain"));
  const qc = useQueryClient();
  const [jobs, setJobs] = useState<[Job, Job] | null>(null);
  const [starting, setStarting] = useState(false);
  const [decision, setDecision] = useState<AbDecision | null>(null);
  const a = useJob(jobs?.[0].id);
  const b = useJob(jobs?.[1].id);

  const start = async (sides: [AbSide, AbSide], seed = randomSeed()) => {
    setStarting(true);
    const made = await Promise.allSettled(
      sides.map((side) =>
        generate({ prompt: side.prompt, modelId: side.modelId, parameters: { seed, aspectRatio: "1:1" } }),
      ),
    );
    setStarting(false);
    const failed = made.find((r) => r.status === "rejected");
    if (failed) {
      for (const r of made) if (r.status === "fulfilled") void cancelJob(r.value.id).catch(() => {});
      toast.error(t("ab.startFailed"), { description: message(failed.reason) });
      return;
    }
    const [ja, jb] = made as PromiseFulfilledResult<Job>[];
    setJobs([ja!.value, jb!.value]);
    setDecision(null);
    void qc.invalidateQueries({ queryKey: jobKeys.all });
  };

  const keep = async (label: "A" | "B", winner: string, loser: string) => {
    try {
      await favorite(winner, true);
      await call(rpc.images["bulk-delete"].$post({ json: { imageIds: [loser] } }));
      setDecision({ winner, loser, label });
      toast.success(t("ab.keptToast", { label }), { description: t("ab.keptToastHint", { label }) });
    } catch (err) {
      toast.error(t("ab.keepFailed"), { description: message(err) });
    }
    void qc.invalidateQueries({ queryKey: ["images"] });
  };

  const undo = async () => {
    if (!decision) return;
    try {
      await call(rpc.images["bulk-restore"].$post({ json: { imageIds: [decision.loser] } }));
      await favorite(decision.winner, false);
      setDecision(null);
      toast.success(t("ab.undone"));
    } catch (err) {
      toast.error(t("ab.undoFailed"), { description: message(err) });
    }
    void qc.invalidateQueries({ queryKey: ["images"] });
  };

  const failedSide = [a.data, b.data].find((j) => j && (j.status === "failed" || j.status === "cancelled"));
  return {
    jobs,
    starting,
    seed: jobs?.[0].parameters.seed as number | undefined,
    a: a.data,
    b: b.data,
    imageA: a.data?.imageIds[0],
    imageB: b.data?.imageIds[0],
    failure: failedSide ? (failedSide.errorMessage ? failureReason(t, failedSide.errorMessage) : t("ab.jobEnded", { status: failedSide.status })) : null,
    decision,
    start,
    keep,
    undo,
  };
}
