import { BLEND_STEPS, blendPrompts, formatMultiPrompt, imageFileUrl, type Job } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Blend } from "lucide-react";
import * as React from "react";
import { useFormContext } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { jobQuery, storeJob } from "@/lib/jobs/job-api";
import { submitTextToImage } from "../api/generate";
import type { StudioRequest, StudioValues } from "../lib/form";
import { useTranslation } from "react-i18next";

interface BlendStripProps {
  currentRequest: () => StudioRequest | null;
  onQueued: (job: Job) => void;
}

/**
 * Prompt blending: two prompts, a mix slider that writes the weighted multi-prompt (`a::0.7 | b::0.3`) into the
 * prompt, and a strip of N images from all-A to all-B with one seed, so the images differ only by the mix.
 */
export function BlendStrip({ currentRequest, onQueued }: BlendStripProps) {
  const { t } = useTranslation("studio");
  const { setValue } = useFormContext<StudioValues>();
  const queryClient = useQueryClient();
  const [open, setOpen] = React.useState(false);
  const [from, setFrom] = React.useState("");
  const [to, setTo] = React.useState("");
  const [mix, setMix] = React.useState(0.5);
  const [steps, setSteps] = React.useState<number>(BLEND_STEPS.default);
  const [strip, setStrip] = React.useState<{ id: string; t: number }[]>([]);
  const [busy, setBusy] = React.useState(false);
  const ready = from.trim() && to.trim();

  const useMix = () =>
    setValue("prompt", formatMultiPrompt([{ text: from.trim(), weight: 1 - mix }, { text: to.trim(), weight: mix }]), { shouldDirty: true, shouldValidate: true });

  const render = async () => {
    const base = currentRequest();
    if (!base || !ready) return;
    setBusy(true);
    const seed = typeof base.parameters.seed === "number" ? base.parameters.seed : Math.floor(Math.random() * 2 ** 31);
    const batch = crypto.randomUUID().slice(0, 8);
    const jobs: { id: string; t: number }[] = [];
    try {
      for (const [i, step] of blendPrompts(from, to, steps).entries()) {
        const job = await submitTextToImage({ ...base, prompt: step.prompt, promptId: undefined, parameters: { ...base.parameters, numImages: 1, seed }, clientId: `blend-${batch}-${i}` });
        storeJob(queryClient, job);
        onQueued(job);
        jobs.push({ id: job.id, t: step.t });
        setStrip([...jobs]);
      }
    } catch (e) {
      toast.error(t("blend.failed"), { description: e instanceof Error ? e.message : undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid gap-2">
      <Button type="button" variant="outline" size="sm" className="justify-self-start" aria-expanded={open} aria-controls="blend-strip" onClick={() => setOpen((o) => !o)}>
        <Blend aria-hidden="true" /> {t("blend.open")}
      </Button>
      {open && (
        <div id="blend-strip" role="group" aria-label={t("blend.open")} className="grid gap-3 rounded-xl border border-border bg-muted/30 p-3">
          <label className="grid gap-1 text-sm font-medium">
            {t("blend.from")}
            <Input value={from} onChange={(e) => setFrom(e.target.value)} placeholder={t("blend.fromPlaceholder")} />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t("blend.to")}
            <Input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t("blend.toPlaceholder")} />
          </label>
          <div className="grid gap-1">
            <label htmlFor="blend-mix" className="flex justify-between text-sm font-medium">
              {t("blend.mix")} <output htmlFor="blend-mix" className="tabular-nums text-muted-foreground">{t("blend.mixValue", { a: Math.round((1 - mix) * 100), b: Math.round(mix * 100) })}</output>
            </label>
            <input id="blend-mix" type="range" min={0} max={1} step={0.05} value={mix} onChange={(e) => setMix(Number(e.target.value))} className="accent-primary" />
            <Button type="button" variant="ghost" size="sm" className="justify-self-start" disabled={!ready} onClick={useMix}>
              {t("blend.write")}
            </Button>
          </div>
          <div className="grid gap-1">
            <label htmlFor="blend-steps" className="flex justify-between text-sm font-medium">
              {t("blend.steps")} <output htmlFor="blend-steps" className="tabular-nums text-muted-foreground">{steps}</output>
            </label>
            <input id="blend-steps" type="range" min={BLEND_STEPS.min} max={BLEND_STEPS.max} step={1} value={steps} onChange={(e) => setSteps(Number(e.target.value))} className="accent-primary" />
          </div>
          <Button type="button" size="sm" className="justify-self-start" disabled={!ready} loading={busy} onClick={() => void render()}>
            {t("blend.render")}
          </Button>
          {strip.length > 0 && (
            <ol aria-label={t("blend.strip")} className="flex gap-1.5 overflow-x-auto pb-1">
              {strip.map((s) => (
                <StripCell key={s.id} jobId={s.id} at={s.t} />
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}

function StripCell({ jobId, at }: { jobId: string; at: number }) {
  const { t } = useTranslation("studio");
  const queryClient = useQueryClient();
  const { data: job } = useQuery(jobQuery(queryClient, jobId, { live: false }));
  const imageId = job?.imageIds[0];
  const label = t("blend.mixValue", { a: Math.round((1 - at) * 100), b: Math.round(at * 100) });
  return (
    <li className="grid w-20 shrink-0 gap-0.5 text-center text-[11px] text-muted-foreground" data-testid="blend-cell" data-status={job?.status ?? "pending"}>
      {imageId ? (
        <img src={imageFileUrl(imageId)} alt={t("blend.at", { mix: label })} className="aspect-square w-20 rounded-md object-cover" />
      ) : (
        <div className="aspect-square w-20 animate-pulse rounded-md bg-muted motion-reduce:animate-none" role="img" aria-label={job?.status === "failed" ? t("blend.failedAt", { mix: label }) : t("blend.rendering", { mix: label })} />
      )}
      <span aria-hidden="true">{label}</span>
    </li>
  );
}
