import type { GenerationPreset, Job } from "@image-studio/shared";
import { zodResolver } from "@/i18n/zod-resolver";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { type FieldErrors, type Path, type Resolver, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ApiError } from "@/lib/api";
import { jobKeys, storeJob } from "@/lib/jobs/job-api";
import { enqueue } from "@/offline";
import { sessionKeys } from "@/lib/session";
import { estimateKey, submitTextToImage } from "../api/generate";
import type { ModelEntry } from "../api/models";
import type { SubmitMode } from "../components/generate-bar";
import { adaptToModel, defaultValues, fieldForIssuePath, fromParameters, requestKey, type StudioRequest, studioSchema, type StudioValues, toRequest } from "../lib/form";
import { loadResults, saveDraft, saveResults } from "../lib/persist";
import { SubmissionGuard } from "../lib/submission-guard";
import { useTranslation } from "react-i18next";

interface UseStudioOptions {
  models: ModelEntry[];
  initial: StudioValues;
  /** After a job was created: "generate" shows it, "queue" keeps the user editing. */
  onSubmitted?: (job: Job, mode: SubmitMode) => void;
  /** Client-side validation failed (the phone layout opens the settings sheet). */
  onInvalid?: (errors: FieldErrors<StudioValues>) => void;
}

/** The studio's state: the form (validated per model), model switching, restoring settings and submitting. */
export function useStudio({ models, initial, onSubmitted, onInvalid }: UseStudioOptions) {
  const { t } = useTranslation("studio");
  const queryClient = useQueryClient();
  const modelsRef = useRef(models);
  useEffect(() => {
    modelsRef.current = models;
  }, [models]);

  const resolver: Resolver<StudioValues> = useCallback(
    (values, ctx, opts) => {
      const schema = studioSchema(modelsRef.current.find((m) => m.id === values.modelId));
      return (zodResolver(schema) as unknown as Resolver<StudioValues>)(values, ctx, opts);
    },
    [],
  );
  const form = useForm<StudioValues>({ defaultValues: initial, resolver, mode: "onSubmit", reValidateMode: "onChange" });
  const modelId = useWatch({ control: form.control, name: "modelId" });
  const model = models.find((m) => m.id === modelId) ?? models[0]!;

  // Auto-save the draft (prompt and settings survive reloads and offline restarts).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = form.watch((values) => {
      clearTimeout(timer);
      timer = setTimeout(() => saveDraft(values as StudioValues), 400);
    });
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, [form]);

  const [results, setResults] = useState<string[]>(loadResults);
  const addResult = useCallback((id: string) => {
    setResults((r) => {
      const next = [id, ...r.filter((x) => x !== id)];
      saveResults(next);
      return next;
    });
  }, []);
  const clearResults = useCallback(() => {
    saveResults([]);
    setResults([]);
  }, []);

  const changeModel = useCallback(
    (id: string) => {
      const next = models.find((m) => m.id === id);
      if (!next || next.id === form.getValues("modelId")) return;
      const previous = models.find((m) => m.id === form.getValues("modelId"));
      form.reset(adaptToModel(form.getValues(), next, previous));
    },
    [form, models],
  );

  /** Loads stored settings (a job, a preset) into the form. */
  const restore = useCallback(
    (src: { modelId: string; prompt?: string; negativePrompt?: string; parameters: Record<string, unknown>; projectId?: string | null }, keepSeed = true) => {
      const target = models.find((m) => m.id === src.modelId && m.operations.includes("text-to-image"));
      if (!target) {
        toast.error(t("submit.modelGone"));
        return false;
      }
      const fresh = defaultValues(target);
      const stored = fromParameters(target, src.parameters);
      const current = form.getValues();
      const values: StudioValues = {
        ...fresh,
        ...stored,
        params: { ...fresh.params, ...stored.params },
        prompt: src.prompt ?? current.prompt,
        negativePrompt: src.negativePrompt ?? current.negativePrompt,
        projectId: src.projectId === undefined ? current.projectId : src.projectId,
      };
      if (!keepSeed) Object.assign(values, { seed: null, seedLocked: false });
      form.reset(values);
      return true;
    },
    [form, models, t],
  );
  const restoreJob = useCallback((job: Job, keepSeed = true) => restore(job, keepSeed), [restore]);
  const applyPreset = useCallback(
    (p: GenerationPreset) => {
      if (restore(p)) toast.success(t("submit.presetApplied", { name: p.name }));
    },
    [restore, t],
  );

  /** The current settings as a request, or null when the model is missing. */
  const currentRequest = useCallback((): StudioRequest | null => {
    const m = modelsRef.current.find((x) => x.id === form.getValues("modelId"));
    return m ? toRequest(form.getValues(), m) : null;
  }, [form]);

  const guard = useRef(new SubmissionGuard());
  const [pending, setPending] = useState<SubmitMode | null>(null);

  const send = useCallback(
    async (values: StudioValues, mode: SubmitMode) => {
      const m = modelsRef.current.find((x) => x.id === values.modelId);
      if (!m) return;
      const request = toRequest(values, m);
      const submission = guard.current.begin(requestKey(request));
      if (submission.duplicate) return;
      setPending(mode);
      // Offline (or the server unreachable): the generation waits in the outbox and starts on reconnect.
      const queueOffline = async () => {
        await enqueue({ id: submission.clientId, type: "generation.enqueue", request: { ...request, clientId: submission.clientId } });
        guard.current.settle(submission.clientId, "done");
        toast.success(t("submit.queuedOffline"), { description: t("submit.queuedOfflineDescription") });
      };
      try {
        if (navigator.onLine === false) return await queueOffline();
        const job = await submitTextToImage({ ...request, clientId: submission.clientId });
        guard.current.settle(submission.clientId, "done");
        storeJob(queryClient, job);
        addResult(job.id);
        void queryClient.invalidateQueries({ queryKey: estimateKey });
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: sessionKeys.me }); // credits were held
        onSubmitted?.(job, mode);
      } catch (err) {
        if (err instanceof ApiError && err.code === "NETWORK") return await queueOffline().catch(() => undefined);
        const retryable = err instanceof ApiError && (err.code === "NETWORK" || err.status >= 500);
        guard.current.settle(submission.clientId, retryable ? "failed" : "rejected");
        if (err instanceof ApiError && err.code === "VALIDATION_FAILED") {
          const fields = Object.entries(err.fieldErrors());
          for (const [path, message] of fields) form.setError(fieldForIssuePath(path.split(".")) as Path<StudioValues>, { type: "server", message });
          if (!fields.length) form.setError("root.server", { type: "server", message: err.message });
          onInvalid?.(form.formState.errors);
        } else {
          const message = err instanceof Error ? err.message : t("submit.somethingWrong");
          form.setError("root.server", { type: "server", message });
          toast.error(err instanceof ApiError && err.code === "INSUFFICIENT_CREDITS" ? t("submit.noCredits") : t("submit.failed"), { description: message });
        }
      } finally {
        setPending(null);
      }
    },
    [addResult, form, onInvalid, onSubmitted, queryClient, t],
  );

  const submit = useCallback(
    (mode: SubmitMode) => {
      form.clearErrors("root.server");
      return form.handleSubmit(
        (values) => send(values, mode),
        (errors) => onInvalid?.(errors),
      )();
    },
    [form, onInvalid, send],
  );

  return { form, model, results, clearResults, addResult, changeModel, restoreJob, applyPreset, currentRequest, submit, pending };
}
