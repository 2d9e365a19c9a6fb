import { zodResolver } from "@/i18n/zod-resolver";
import { LIMITS } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { ImagePlus, X } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Slider } from "@/components/ui/slider";
import { Textarea } from "@/components/ui/textarea";
import { formatNumber } from "@/i18n";
import { applyServerErrors } from "@/lib/form-errors";
import { jobKeys, storeJob } from "@/lib/jobs/job-api";
import { sessionKeys } from "@/lib/session";
import { modelsQuery } from "@/lib/models";
import { imageToImage, uploadImage } from "../api/iteration-api";
import { trackInplaceJob } from "../lib/inplace-jobs";
import { takeSharedImage } from "../lib/shared-image";
import { IterationJobs } from "./iteration-jobs";
import { ImagePicker } from "./image-picker";
import { SourceDrop } from "./source-drop";

const formSchema = (t: TFunction<"iteration">) =>
  z.object({
    prompt: z.string().trim().min(1, t("i2i.promptRequired")).max(LIMITS.promptMaxLength),
    modelId: z.string().min(1, t("common.pickModel")),
    strength: z.number().min(0.05).max(1),
  });
type Values = z.infer<ReturnType<typeof formSchema>>;

/** In-place results on this page, whatever the picture came from. */
const PAGE_JOBS = "image-to-image";

export type Source = { kind: "file"; file: Blob; name: string; url: string } | { kind: "image"; id: string };

/**
 * /image-to-image: start from a picture on this device (file, drop, paste, or shared to the installed app) or
 * from one of your images, and steer it with a prompt.
 */
export function ImageToImagePage({ shared, imageId }: { shared?: boolean; imageId?: string }) {
  const { t } = useTranslation("iteration");
  const navigate = useNavigate();
  const qc = useQueryClient();
  const schema = useMemo(() => formSchema(t), [t]);
  const [source, setSource] = useState<Source | null>(imageId ? { kind: "image", id: imageId } : null);
  const models = useQuery(modelsQuery);
  const usable = (models.data ?? []).filter((m) => m.available && m.operations.includes("image-to-image"));
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { prompt: "", modelId: "", strength: 0.6 } });

  useEffect(() => {
    if (!form.getValues("modelId") && usable[0]) form.setValue("modelId", usable[0].id);
  }, [usable, form]);

  useEffect(() => {
    if (!shared) return;
    void takeSharedImage().then((got) => {
      if (got) setSource({ kind: "file", file: got.file, name: got.name, url: URL.createObjectURL(got.file) });
      else toast.error(t("i2i.sharedMissing"), { description: t("i2i.sharedMissingHint") });
      if (got?.text) form.setValue("prompt", got.text.slice(0, LIMITS.promptMaxLength));
    });
  }, [shared, form, t]);

  useEffect(() => () => void (source?.kind === "file" && URL.revokeObjectURL(source.url)), [source]);

  const run = useMutation({
    mutationFn: async (v: Values) => {
      if (!source) throw new Error(t("i2i.chooseSource"));
      const from = source.kind === "image" ? { sourceImageId: source.id } : { uploadId: (await uploadImage(source.file, "source", source.name)).uploadId };
      return imageToImage({ ...from, prompt: v.prompt, modelId: v.modelId, strength: v.strength });
    },
    onSuccess: (job) => {
      storeJob(qc, job);
      trackInplaceJob(PAGE_JOBS, { jobId: job.id, kind: "image-to-image" });
      if (source?.kind === "image") trackInplaceJob(source.id, { jobId: job.id, kind: "image-to-image" });
      void qc.invalidateQueries({ queryKey: jobKeys.lists() });
      void qc.invalidateQueries({ queryKey: sessionKeys.me }); // credits were held
      toast.success(t("i2i.queued"), { description: t("i2i.queuedHint"), action: { label: t("common.viewQueue"), onClick: () => void navigate({ to: "/queue" }) } });
    },
    onError: (err) => {
      const message = applyServerErrors(err, form.setError, ["prompt", "modelId", "strength"]);
      if (message) toast.error(t("i2i.startFailed"), { description: message });
    },
  });
  const { errors } = form.formState;
  const promptField = form.register("prompt");

  return (
    <>
      <PageHeader title={t("i2i.title")} description={t("i2i.description")} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card>
          <CardContent className="flex flex-col gap-4">
            {source ? (
              <div className="relative overflow-hidden rounded-lg border border-border bg-muted">
                <img src={source.kind === "file" ? source.url : `/api/images/${source.id}/file/preview-768`} alt={t("i2i.sourceAlt")} className="mx-auto max-h-96 object-contain" />
                <Button type="button" variant="secondary" size="icon" className="absolute top-2 right-2" aria-label={t("i2i.another")} onClick={() => setSource(null)}>
                  <X aria-hidden="true" />
                </Button>
              </div>
            ) : (
              <SourceDrop onFile={(file, name) => setSource({ kind: "file", file, name, url: URL.createObjectURL(file) })} />
            )}
            <ImagePicker label={t("i2i.orYours")} value={source?.kind === "image" ? source.id : undefined} onPick={(id) => setSource({ kind: "image", id })} />
          </CardContent>
        </Card>
        <form noValidate className="flex flex-col gap-4" onSubmit={form.handleSubmit((v) => run.mutate(v))}>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="i2i-prompt">{t("common.prompt")}</Label>
            <Textarea id="i2i-prompt" rows={4} aria-invalid={!!errors.prompt} aria-describedby={errors.prompt ? "i2i-prompt-error" : undefined} {...promptField} />
            {errors.prompt && <p id="i2i-prompt-error" className="text-sm text-destructive-strong">{errors.prompt.message}</p>}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="i2i-model">{t("common.model")}</Label>
            <Controller
              control={form.control}
              name="modelId"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <SelectTrigger id="i2i-model" aria-invalid={!!errors.modelId}>
                    <SelectValue placeholder={models.isLoading ? t("i2i.loadingModels") : t("i2i.noModel")} />
                  </SelectTrigger>
                  <SelectContent>
                    {usable.map((m) => (
                      <SelectItem key={m.id} value={m.id}>
                        {m.displayName}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
            {errors.modelId && <p className="text-sm text-destructive-strong">{errors.modelId.message}</p>}
          </div>
          <Controller
            control={form.control}
            name="strength"
            render={({ field }) => (
              <div className="flex flex-col gap-2">
                <span className="text-sm font-medium">
                  <Trans
                    t={t}
                    i18nKey="i2i.strengthValue"
                    values={{ value: formatNumber(field.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }}
                    components={{ value: <span className="font-mono" /> }}
                  />
                </span>
                <Slider aria-label={t("i2i.strength")} min={0.05} max={1} step={0.05} value={[field.value]} onValueChange={([v]) => field.onChange(v ?? field.value)} />
              </div>
            )}
          />
          <Button type="submit" loading={run.isPending} disabled={!source}>
            <ImagePlus aria-hidden="true" />
            {t("i2i.submit")}
          </Button>
          {!source && <p className="text-sm text-muted-foreground">{t("i2i.chooseFirst")}</p>}
          <IterationJobs sourceId={PAGE_JOBS} />
        </form>
      </div>
    </>
  );
}
