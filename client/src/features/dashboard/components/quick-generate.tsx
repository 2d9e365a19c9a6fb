import type { Job } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Sparkles } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { fieldClasses } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";
import { cn } from "@/lib/cn";
import { jobKeys, storeJob } from "@/lib/jobs/job-api";
import { modelsQuery } from "@/lib/models";
import { sessionKeys } from "@/lib/session";
import { enqueue } from "@/offline";

const LAST_MODEL = "image-studio:dashboard:model";

/**
 * Prompt + model + go: the job joins the same queue the studio's generations do (with a client id, so a retry
 * never makes two), or waits in the outbox when offline. The model's default settings apply.
 */
export function QuickGenerate() {
  const { t } = useTranslation("dashboard");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const models = useQuery(modelsQuery);
  const usable = (models.data ?? []).filter((m) => m.isActive && m.available && m.operations.includes("text-to-image"));
  const [prompt, setPrompt] = useState("");
  const [modelId, setModelId] = useState(() => localStorage.getItem(LAST_MODEL) ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (usable.length && !usable.some((m) => m.id === modelId))
      setModelId(usable.find((m) => m.featured)?.id ?? usable[0]!.id);
  }, [usable, modelId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = prompt.trim();
    if (!text) return setError(t("quick.needPrompt"));
    if (!modelId) return setError(t("quick.needModel"));
    setError(null);
    setBusy(true);
    const clientId = crypto.randomUUID();
    const request = { prompt: text, negativePrompt: "", modelId, parameters: {}, clientId };
    const queueOffline = async () => {
      await enqueue({ id: clientId, type: "generation.enqueue", request });
      setPrompt("");
      toast.success(t("quick.queuedOffline"), { description: t("quick.queuedOfflineHint") });
    };
    try {
      localStorage.setItem(LAST_MODEL, modelId);
      if (navigator.onLine === false) return await queueOffline();
      const job: Job = await call(rpc.generate["text-to-image"].$post({ json: request }));
      storeJob(queryClient, job);
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
      setPrompt("");
      toast.success(t("quick.queued"), {
        action: { label: t("quick.openQueue"), onClick: () => void navigate({ to: "/queue" }) },
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === "NETWORK") return await queueOffline().catch(() => undefined);
      setError(err instanceof Error ? err.message : t("quick.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="quick-prompt">{t("quick.prompt")}</Label>
        <Textarea
          id="quick-prompt"
          rows={2}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          placeholder={t("quick.placeholder")}
          aria-invalid={!!error}
          aria-describedby={error ? "quick-error" : undefined}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit(e);
          }}
        />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid min-w-0 flex-1 gap-1.5">
          <Label htmlFor="quick-model">{t("quick.model")}</Label>
          <select
            id="quick-model"
            className={cn(fieldClasses, "h-9 pointer-coarse:h-11")}
            value={modelId}
            onChange={(e) => setModelId(e.target.value)}
            disabled={!usable.length}
          >
            {!usable.length && (
              <option value="">{models.isPending ? t("quick.loadingModels") : t("quick.noModel")}</option>
            )}
            {usable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={busy} aria-busy={busy || undefined}>
          <Sparkles className="size-4" aria-hidden="true" />
          {t("quick.generate")}
        </Button>
      </div>
      {error && (
        <p id="quick-error" role="alert" className="text-sm text-destructive-strong">
          {error}
        </p>
      )}
    </form>
  );
}
