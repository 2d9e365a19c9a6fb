import type { Job } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Trophy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError, api } from "@/lib/api";
import { fetchJob } from "@/lib/jobs/job-api";
import { generate } from "../api/iteration-api";
import { CompareView } from "./compare-view";

interface ModelSummary {
  id: string;
  displayName: string;
  available: boolean;
  operations: string[];
}

interface Side {
  prompt: string;
  modelId: string;
}

/** A seed both sides share. */
const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1;

function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ["iteration", "ab-job", id],
    queryFn: () => fetchJob(id!),
    enabled: !!id,
    refetchInterval: (q) =>
      q.state.data && ["completed", "failed", "cancelled"].includes(q.state.data.status) ? false : 1000,
  });
}

/** Two prompts or two models with the same seed, side by side; keep the winner, send the other to the trash. */
export function AbTest() {
  const models = useQuery({
    queryKey: ["iteration", "models"],
    queryFn: () => api<{ items: ModelSummary[] }>("/api/models"),
  });
  const usable = (models.data?.items ?? []).filter((m) => m.available && m.operations.includes("text-to-image"));
  const first = usable[0]?.id ?? "local/sketch";
  const [sides, setSides] = useState<[Side, Side]>([
    { prompt: "", modelId: "" },
    { prompt: "", modelId: "" },
  ]);
  const [jobs, setJobs] = useState<[Job, Job] | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const a = useJob(jobs?.[0].id);
  const b = useJob(jobs?.[1].id);
  const seed = jobs?.[0].parameters.seed;

  const start = async () => {
    const s = randomSeed();
    try {
      const made = await Promise.all(
        sides.map((side) =>
          generate({
            prompt: side.prompt || sides[0].prompt,
            modelId: side.modelId || first,
            parameters: { seed: s, aspectRatio: "1:1" },
          }),
        ),
      );
      setJobs([made[0]!, made[1]!]);
      setDecided(null);
    } catch (err) {
      toast.error("The test could not start", { description: err instanceof ApiError ? err.message : undefined });
    }
  };
  const keep = async (winner: string, loser: string) => {
    await api(`/api/images/${winner}/favorite`, { method: "POST", body: { favorite: true } });
    await api("/api/images/bulk-delete", { method: "POST", body: { imageIds: [loser] } });
    setDecided(winner);
    toast.success("Kept the winner; the other image is in the trash");
  };
  const set = (i: 0 | 1, patch: Partial<Side>) =>
    setSides((s) => (i === 0 ? [{ ...s[0], ...patch }, s[1]] : [s[0], { ...s[1], ...patch }]));
  const ai = a.data?.imageIds[0];
  const bi = b.data?.imageIds[0];

  return (
    <section aria-label="A/B test" className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {([0, 1] as const).map((i) => (
          <div key={i} className="flex flex-col gap-2 rounded-lg border border-border p-3">
            <h3 className="font-semibold">{i === 0 ? "A" : "B"}</h3>
            <Label htmlFor={`ab-prompt-${i}`}>Prompt{i === 1 ? " (empty: same as A)" : ""}</Label>
            <Textarea
              id={`ab-prompt-${i}`}
              rows={2}
              value={sides[i].prompt}
              onChange={(e) => set(i, { prompt: e.target.value })}
            />
            <Label htmlFor={`ab-model-${i}`}>Model</Label>
            <select
              id={`ab-model-${i}`}
              className="h-9 rounded-md border border-input bg-background px-2 text-sm"
              value={sides[i].modelId || first}
              onChange={(e) => set(i, { modelId: e.target.value })}
            >
              {usable.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button disabled={!sides[0].prompt.trim()} onClick={() => void start()}>
          Run A/B test
        </Button>
        {seed !== undefined && (
          <Input readOnly aria-label="Shared seed" className="w-40" value={`seed ${String(seed)}`} />
        )}
        {jobs && (!ai || !bi) && (
          <span className="text-sm text-muted-foreground">
            Generating… ({a.data?.status ?? "pending"} / {b.data?.status ?? "pending"})
          </span>
        )}
      </div>
      {ai && bi && (
        <>
          <CompareView a={ai} b={bi} />
          <div className="flex gap-2">
            <Button
              variant={decided === ai ? "default" : "outline"}
              disabled={!!decided}
              onClick={() => void keep(ai, bi)}
            >
              <Trophy aria-hidden="true" /> Keep A
            </Button>
            <Button
              variant={decided === bi ? "default" : "outline"}
              disabled={!!decided}
              onClick={() => void keep(bi, ai)}
            >
              <Trophy aria-hidden="true" /> Keep B
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
