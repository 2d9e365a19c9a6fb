import { findModel, type ParamSpec } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "@/i18n/zod-resolver";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/api";
import { jobKeys } from "@/lib/jobs/job-api";
import { paramLabel, paramOptionLabel } from "@/i18n/labels";
import { generate, modelsOptions } from "../api/iteration-api";
import { changedKeys, editableParams, type RerunSource, rerunParameters } from "../lib/rerun";

export type RerunImage = RerunSource & { prompt: string; negativePrompt: string };

const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

function ParamInput({ spec: raw, modelId, value, onChange }: { spec: ParamSpec; modelId: string; value: unknown; onChange: (v: unknown) => void }) {
  const { t } = useTranslation("iteration");
  const spec = { ...raw, label: paramLabel(t, modelId, raw) };
  const id = `rerun-${spec.key}`;
  if (spec.type === "boolean") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <Switch checked={value === true} onCheckedChange={onChange} aria-label={spec.label} /> {spec.label}
      </label>
    );
  }
  const control =
    spec.type === "enum" || spec.options ? (
      <select id={id} className={selectClass} value={String(value ?? "")} onChange={(e) => onChange(spec.type === "enum" ? e.target.value : Number(e.target.value))}>
        {(spec.options ?? []).map((o) => (
          <option key={String(o)} value={String(o)}>
            {paramOptionLabel(t, spec, o)}
          </option>
        ))}
      </select>
    ) : (
      <Input
        id={id}
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.step ?? (spec.type === "int" ? 1 : 0.1)}
        value={typeof value === "number" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    );
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>
        {spec.label}
        {spec.min !== undefined && spec.max !== undefined && !spec.options && (
          <span className="ml-1 text-xs font-normal text-muted-foreground">
            ({spec.min}–{spec.max})
          </span>
        )}
      </Label>
      {control}
    </div>
  );
}

/** The image page's "Run again": the same prompt, model, settings and seed, with the one thing you change. */
export function RunAgainDialog({ image, open, onOpenChange }: { image: RerunImage; open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation("iteration");
  const navigate = useNavigate();
  const qc = useQueryClient();
  const models = useQuery({ ...modelsOptions, enabled: open });
  const usable = (models.data ?? []).filter((m) => m.available && m.operations.includes("text-to-image"));
  const [modelId, setModelId] = useState(image.modelId);
  const [prompt, setPrompt] = useState(image.prompt);
  const [params, setParams] = useState<Record<string, unknown>>({});
  const [keepSeed, setKeepSeed] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const model = findModel(modelId);
  const changes = { modelId, params, keepSeed };
  const changed = [...changedKeys(image, changes), ...(prompt.trim() !== image.prompt ? ["prompt"] : [])];

  const run = useMutation({
    mutationFn: async () => {
      if (!model) throw new Error(t("common.pickModel"));
      const checked = rerunParameters(model, image, changes);
      if (!checked.ok) throw new Error(checked.issues[0] ? translateMessage(checked.issues[0].message) : t("rerun.checkSettings"));
      return generate({ prompt: prompt.trim() || image.prompt, negativePrompt: image.negativePrompt, modelId, parameters: checked.value });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: jobKeys.all });
      onOpenChange(false);
      toast.success(t("rerun.queued"), {
        description: changed.length ? t("rerun.changed", { list: changed.join(", ") }) : t("rerun.same"),
        action: { label: t("common.viewQueue"), onClick: () => void navigate({ to: "/queue" }) },
      });
    },
    onError: (err) => setProblem(err instanceof ApiError || err instanceof Error ? err.message : t("common.tryAgain")),
  });
  const seed = typeof image.parameters.seed === "number" ? image.parameters.seed : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("rerun.title")}</DialogTitle>
          <DialogDescription>{t("rerun.description")}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-1">
          <Label htmlFor="rerun-prompt">{t("common.prompt")}</Label>
          <Textarea id="rerun-prompt" rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="rerun-model">{t("common.model")}</Label>
          <select id="rerun-model" className={selectClass} value={modelId} onChange={(e) => (setModelId(e.target.value), setParams({}))}>
            {!usable.some((m) => m.id === modelId) && <option value={modelId}>{model?.displayName ?? modelId}</option>}
            {usable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          {model &&
            editableParams(model).map((spec) => (
              <ParamInput
                modelId={modelId}
                key={spec.key}
                spec={spec}
                value={params[spec.key] ?? (modelId === image.modelId ? image.parameters[spec.key] : undefined) ?? spec.default}
                onChange={(v) => setParams((p) => ({ ...p, [spec.key]: v }))}
              />
            ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={keepSeed} onCheckedChange={setKeepSeed} disabled={seed === null} aria-label={t("common.keepSeedLabel")} />
          {seed === null ? t("rerun.noSeed") : t("rerun.keepSeed", { seed })}
        </label>
        <p className="text-sm text-muted-foreground" role="status">
          {changed.length ? t("rerun.changed", { list: changed.join(", ") }) : t("rerun.nothingChanged")}
        </p>
        {problem && (
          <p role="alert" className="text-sm text-destructive-strong">
            {problem}
          </p>
        )}
        <DialogFooter>
          <Button loading={run.isPending} onClick={() => (setProblem(null), run.mutate())}>
            {t("rerun.submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
