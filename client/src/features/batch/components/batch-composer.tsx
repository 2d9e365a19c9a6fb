import { ASPECT_RATIOS, BATCH_PRIORITIES } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Play } from "lucide-react";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ProjectPicker } from "@/components/project-picker";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { fieldClasses, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import type { ModelEntry } from "@/lib/models";
import { batchKeys, createBatch, previewBatch } from "@/lib/batch/batch-api";
import { type ComposeState, INITIAL, parseSeeds, templateVariables, toRequest } from "../lib/compose";
import { queueBatchOffline } from "../lib/offline";
import { BatchPreviewPanel } from "./batch-preview";
import { PresetsBar } from "./presets-bar";
import { aspectRatioLabel } from "@/i18n/labels";

const selectClasses = cn(fieldClasses, "h-10 pointer-coarse:h-11");

/** Compose a batch: a source (prompts, template or CSV), seeds, models and settings; a live preview; start. */
export function BatchComposer({ models }: { models: ModelEntry[] }) {
  const { t } = useTranslation("batch");
  const [state, setState] = useState<ComposeState>(() => ({ ...INITIAL, modelIds: models[0] ? [models[0].id] : [] }));
  const set = <K extends keyof ComposeState>(key: K, value: ComposeState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const body = useMemo(() => toRequest(state), [state]);
  const deferred = useDeferredValue(body);
  const hasSource =
    state.source === "prompts"
      ? state.prompts.trim() !== ""
      : state.source === "template"
        ? state.template.trim() !== ""
        : state.csv.trim() !== "";
  const preview = useQuery({
    queryKey: ["batch-preview", deferred],
    queryFn: () => previewBatch(deferred),
    enabled: hasSource && Boolean(deferred.modelId),
    placeholderData: (prev) => prev,
    retry: false,
    staleTime: 30_000,
  });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: async () => {
      const clientId = crypto.randomUUID();
      if (navigator.onLine === false) return { offline: await queueBatchOffline({ ...body, clientId }) };
      try {
        return { created: await createBatch({ ...body, clientId }) };
      } catch (err) {
        if (err instanceof ApiError && err.code === "NETWORK")
          return { offline: await queueBatchOffline({ ...body, clientId }) };
        throw err;
      }
    },
    onSuccess: (r) => {
      if ("offline" in r) {
        toast.success(t("toast.offline"), { description: t("toast.offlineDescription") });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: batchKeys.all });
      toast.success(t("toast.started"), { description: t("toast.startedDescription", { total: r.created.total }) });
      void navigate({ to: "/batch", search: { id: r.created.id } });
    },
    onError: (e) => toast.error(e.message),
  });
  const seedCheck = state.seedMode === "list" ? parseSeeds(state.seeds) : { seeds: [], bad: [] };
  const variables = templateVariables(state.template);
  const ids = useId();
  const p = preview.data;
  const ready = p && !p.errors.length && p.total > 0 && p.affordable && !seedCheck.bad.length;

  return (
    <form
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready || navigator.onLine === false) start.mutate();
      }}
    >
      <div className="grid content-start gap-5">
        <PresetsBar state={state} onLoad={setState} />
        <div className="grid gap-2">
          <Label htmlFor={`${ids}-name`}>{t("composer.name")}</Label>
          <Input
            id={`${ids}-name`}
            value={state.name}
            maxLength={120}
            onChange={(e) => set("name", e.target.value)}
            placeholder={t("composer.namePlaceholder")}
          />
        </div>

        <Tabs value={state.source} onValueChange={(v) => set("source", v as ComposeState["source"])}>
          <TabsList aria-label={t("composer.source")}>
            <TabsTrigger value="prompts">{t("composer.tabs.prompts")}</TabsTrigger>
            <TabsTrigger value="template">{t("composer.tabs.template")}</TabsTrigger>
            <TabsTrigger value="csv">{t("composer.tabs.csv")}</TabsTrigger>
          </TabsList>
          <TabsContent value="prompts" className="grid gap-2">
            <Label htmlFor={`${ids}-prompts`}>{t("composer.prompts")}</Label>
            <Textarea
              id={`${ids}-prompts`}
              rows={6}
              value={state.prompts}
              onChange={(e) => set("prompts", e.target.value)}
              placeholder={t("composer.promptsPlaceholder")}
            />
          </TabsContent>
          <TabsContent value="template" className="grid gap-3">
            <div className="grid gap-2">
              <Label htmlFor={`${ids}-template`}>{t("composer.template")}</Label>
              <Textarea
                id={`${ids}-template`}
                rows={3}
                className="font-mono"
                value={state.template}
                onChange={(e) => set("template", e.target.value)}
                placeholder={t("composer.templatePlaceholder")}
              />
              <p className="text-xs text-muted-foreground">
                <Trans t={t} i18nKey="composer.templateHelp" components={{ code: <code className="font-mono" /> }} />
              </p>
            </div>
            {variables.map((name) => (
              <div key={name} className="grid gap-2">
                <Label htmlFor={`${ids}-var-${name}`}>
                  <Trans t={t} i18nKey="composer.variable" values={{ token: `{${name}}` }} components={{ code: <code className="font-mono" /> }} />
                </Label>
                <Textarea
                  id={`${ids}-var-${name}`}
                  rows={3}
                  value={state.variables[name] ?? ""}
                  onChange={(e) => set("variables", { ...state.variables, [name]: e.target.value })}
                />
              </div>
            ))}
          </TabsContent>
          <TabsContent value="csv" className="grid gap-2">
            <Label htmlFor={`${ids}-csv`}>{t("composer.csv")}</Label>
            <Textarea
              id={`${ids}-csv`}
              rows={6}
              className="font-mono text-xs"
              value={state.csv}
              onChange={(e) => set("csv", e.target.value)}
              placeholder={t("composer.csvPlaceholder")}
            />
            <div className="flex flex-wrap items-center gap-2">
              <Label htmlFor={`${ids}-csv-file`} className="text-muted-foreground">
                {t("composer.csvFile")}
              </Label>
              <input
                id={`${ids}-csv-file`}
                type="file"
                accept=".csv,text/csv"
                className="text-sm file:mr-2 file:rounded-lg file:border file:border-border file:bg-background file:px-3 file:py-1.5"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (file) set("csv", await file.text());
                }}
              />
            </div>
            <p className="text-xs text-muted-foreground">
              {t("composer.csvHelp")}
            </p>
          </TabsContent>
        </Tabs>

        <fieldset className="grid gap-3 rounded-xl border border-border p-4">
          <legend className="px-1 text-sm font-medium">{t("models.legend")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {models.map((m) => {
              const checked = state.modelIds.includes(m.id);
              return (
                <label key={m.id} className="flex min-h-10 items-center gap-2 rounded-lg px-2 text-sm hover:bg-muted">
                  <Checkbox
                    checked={checked}
                    onCheckedChange={(v) =>
                      set("modelIds", v ? [...state.modelIds, m.id] : state.modelIds.filter((x) => x !== m.id))
                    }
                    aria-label={m.displayName}
                  />
                  <span className="min-w-0 truncate">{m.displayName}</span>
                </label>
              );
            })}
          </div>
          {!state.modelIds.length && <p className="text-xs text-destructive-strong">{t("models.none")}</p>}
        </fieldset>

        <fieldset className="grid gap-3 rounded-xl border border-border p-4">
          <legend className="px-1 text-sm font-medium">{t("seeds.legend")}</legend>
          <div className="grid gap-2">
            <Label htmlFor={`${ids}-seed-mode`}>{t("seeds.mode")}</Label>
            <select
              id={`${ids}-seed-mode`}
              className={selectClasses}
              value={state.seedMode}
              onChange={(e) => set("seedMode", e.target.value as ComposeState["seedMode"])}
            >
              <option value="random">{t("seeds.random")}</option>
              <option value="list">{t("seeds.list")}</option>
              <option value="range">{t("seeds.range")}</option>
            </select>
          </div>
          {state.seedMode === "list" && (
            <div className="grid gap-2">
              <Label htmlFor={`${ids}-seeds`}>{t("seeds.seeds")}</Label>
              <Input
                id={`${ids}-seeds`}
                className="font-mono"
                value={state.seeds}
                onChange={(e) => set("seeds", e.target.value)}
                aria-invalid={seedCheck.bad.length > 0}
                placeholder={t("seeds.seedsPlaceholder")}
              />
              {seedCheck.bad.length > 0 && (
                <p className="text-xs text-destructive-strong">{t("seeds.bad", { list: seedCheck.bad.join(", ") })}</p>
              )}
            </div>
          )}
          {state.seedMode === "range" && (
            <div className="grid grid-cols-2 gap-3">
              <div className="grid gap-2">
                <Label htmlFor={`${ids}-seed-start`}>{t("seeds.first")}</Label>
                <Input
                  id={`${ids}-seed-start`}
                  type="number"
                  min={0}
                  className="font-mono"
                  value={state.seedStart}
                  onChange={(e) => set("seedStart", e.target.value)}
                />
              </div>
              <div className="grid gap-2">
                <Label htmlFor={`${ids}-seed-count`}>{t("seeds.count")}</Label>
                <Input
                  id={`${ids}-seed-count`}
                  type="number"
                  min={1}
                  max={1000}
                  className="font-mono"
                  value={state.seedCount}
                  onChange={(e) => set("seedCount", e.target.value)}
                />
              </div>
            </div>
          )}
        </fieldset>

        <fieldset className="grid gap-3 rounded-xl border border-border p-4 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">{t("settings.legend")}</legend>
          <div className="grid gap-2">
            <Label htmlFor={`${ids}-ratio`}>{t("settings.aspectRatio")}</Label>
            <select
              id={`${ids}-ratio`}
              className={selectClasses}
              value={state.aspectRatio}
              onChange={(e) => set("aspectRatio", e.target.value)}
            >
              {ASPECT_RATIOS.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} · {aspectRatioLabel(t, r)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`${ids}-count`}>{t("settings.images")}</Label>
            <select
              id={`${ids}-count`}
              className={selectClasses}
              value={state.numImages}
              onChange={(e) => set("numImages", Number(e.target.value))}
            >
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`${ids}-priority`}>{t("settings.priority")}</Label>
            <select
              id={`${ids}-priority`}
              className={selectClasses}
              value={state.priority}
              onChange={(e) => set("priority", e.target.value as ComposeState["priority"])}
            >
              {BATCH_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`settings.priorities.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`${ids}-when`}>{t("settings.startAt")}</Label>
            <Input
              id={`${ids}-when`}
              type="datetime-local"
              value={state.scheduledAt}
              onChange={(e) => set("scheduledAt", e.target.value)}
            />
          </div>
          <div className="grid gap-2 sm:col-span-2">
            <Label htmlFor={`${ids}-project`}>{t("settings.project")}</Label>
            <ProjectPicker id={`${ids}-project`} value={state.projectId} onChange={(id) => set("projectId", id)} includeShared />
          </div>
          <div className="grid gap-2 sm:col-span-2">
            <Label htmlFor={`${ids}-negative`}>{t("settings.negative")}</Label>
            <Input
              id={`${ids}-negative`}
              value={state.negativePrompt}
              onChange={(e) => set("negativePrompt", e.target.value)}
            />
          </div>
        </fieldset>
      </div>

      <div className="grid content-start gap-4 lg:sticky lg:top-4">
        <BatchPreviewPanel preview={p} loading={preview.isFetching} error={preview.error} empty={!hasSource} />
        <Button type="submit" size="lg" disabled={!ready && navigator.onLine !== false} loading={start.isPending}>
          <Play aria-hidden="true" />
          {p?.total ? t("start.jobs", { count: p.total }) : t("start.batch")}
        </Button>
      </div>
    </form>
  );
}
