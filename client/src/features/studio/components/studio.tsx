import type { GenerationDefaults, Job } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { History, SlidersHorizontal } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { estimateRemainingSeconds, typicalRunSeconds } from "@/lib/jobs/eta";
import { cancelJob, historyQuery, retryJob, storeJob } from "@/lib/jobs/job-api";
import { useJobEvents } from "@/lib/jobs/use-job-events";
import { failureReason } from "@/lib/jobs/failure-reason";
import type { ModelEntry } from "../api/models";
import { useCostEstimate } from "../hooks/use-cost-estimate";
import { useFillViewport } from "../hooks/use-fill-viewport";
import { useGenerateShortcut } from "../hooks/use-generate-shortcut";
import { useMediaQuery } from "@/lib/use-media-query";
import { useStudio } from "../hooks/use-studio";
import { initialValues } from "../lib/initial";
import { loadDraft, saveDraft } from "../lib/persist";
import { hasPrefill, type StudioSearch } from "../lib/prefill";
import { ControlsPanel } from "./controls-panel";
import { CostEstimate } from "./cost-estimate";
import { GenerateBar, type SubmitMode } from "./generate-bar";
import { HistoryPanel } from "./history-panel";
import { ResultsPanel } from "./results-panel";
import { ResultsToolbar } from "./results-toolbar";
import { useTranslation } from "react-i18next";

interface StudioProps {
  models: ModelEntry[];
  search: StudioSearch;
  defaults?: GenerationDefaults;
}

const HISTORY_KEY = "studio-history-open";

export function Studio({ models, search, defaults }: StudioProps) {
  const { t } = useTranslation("studio");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { ref: fillRef, width: studioWidth, style: fillStyle, fill } = useFillViewport<HTMLDivElement>();
  // The layout follows the space the studio actually has (the app sidebar may be open or collapsed):
  // two panels from ~680 px, the history as a third column from ~1100 px; below that, controls live in a sheet.
  const coarse = useMediaQuery("(min-width: 768px)", true);
  const isDesktop = studioWidth === null ? coarse : studioWidth >= 680;
  const isWide = (studioWidth ?? 0) >= 1100;
  const [sheetOpen, setSheetOpen] = useState(false);
  /** Wide screens: a pinned column (remembered). Narrower: a sheet, closed until asked for. */
  const [historyPinned, setHistoryPinned] = useState(() => localStorage.getItem(HISTORY_KEY) !== "0");
  const [historySheet, setHistorySheet] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const resultsRef = useRef<HTMLDivElement>(null);

  const onSubmitted = useCallback(
    (job: Job, mode: SubmitMode) => {
      if (mode === "generate") {
        setSheetOpen(false);
        resultsRef.current?.scrollTo({ top: 0 });
        setAnnouncement(t("page.started"));
      } else {
        const ahead = job.queuePosition;
        toast.success(t("page.queued"), {
          description: ahead ? t("page.queuedAhead", { count: ahead }) : t("page.queuedSoon"),
          action: { label: t("page.viewQueue"), onClick: () => void navigate({ to: "/queue" }) },
        });
      }
    },
    [navigate, t],
  );
  const onInvalid = useCallback(() => {
    if (!isDesktop) setSheetOpen(true);
  }, [isDesktop]);

  const [initial] = useState(() => initialValues(models, { search, draft: loadDraft(), defaults })!);
  const [targetProjectId] = useState(search.projectId);
  const studio = useStudio({ models, initial, onSubmitted, onInvalid });
  const { form, model, submit, pending } = studio;

  // A "use these settings" link: apply it (also when already here), keep it as the draft, tidy the URL.
  const applied = useRef(search);
  useEffect(() => {
    if (!hasPrefill(search)) return;
    if (applied.current !== search) form.reset(initialValues(models, { search, defaults })!);
    applied.current = search;
    saveDraft(form.getValues());
    void navigate({ to: "/studio", search: {}, replace: true });
  }, [search, models, defaults, form, navigate]);

  const live = useJobEvents(
    useCallback(
      (e) => {
        if (e.type === "completed" && studio.results.includes(e.jobId)) setAnnouncement(t("page.ready", { count: e.imageIds.length }));
        if (e.type === "failed" && !e.willRetry && studio.results.includes(e.jobId)) setAnnouncement(t("page.failed", { message: failureReason(t, e.errorMessage) }));
      },
      [studio.results, t],
    ),
  );

  useGenerateShortcut(useCallback(() => void submit("generate"), [submit]));
  const estimate = useCostEstimate(form.control, model, initial);

  const history = useQuery(historyQuery(50));
  const typical = useMemo(() => typicalRunSeconds(history.data?.items ?? []), [history.data]);
  const eta = useCallback((job: Job) => estimateRemainingSeconds(job, { typical, speedOf: (id) => models.find((m) => m.id === id)?.speed, now: Date.now() }), [typical, models]);

  const cancel = useMutation({ mutationFn: (job: Job) => cancelJob(job.id), onSuccess: (job) => storeJob(queryClient, job), onError: (e) => toast.error(e.message) });
  const retry = useMutation({
    mutationFn: (job: Job) => retryJob(job.id),
    onSuccess: (job) => {
      storeJob(queryClient, job);
      studio.addResult(job.id);
    },
    onError: (e) => toast.error(e.message),
  });

  const lastSeed = useMemo(() => {
    const first = studio.results[0];
    const job = first ? queryClient.getQueryData<Job>(["jobs", "detail", first]) : undefined;
    return typeof job?.parameters.seed === "number" ? job.parameters.seed : undefined;
  }, [studio.results, queryClient]);

  const currentEstimate = estimate.data?.modelId === model.id ? estimate.data : undefined;
  const short = currentEstimate && !currentEstimate.affordable;
  const disabledReason = !model.available
    ? t("page.unavailable", { model: model.displayName, reason: model.unavailableReason ?? t("page.tryAnotherModel") })
    : short
      ? t("page.notEnoughCredits")
      : undefined;
  const serverError = form.formState.errors.root?.server?.message;

  const footer = (
    <>
      {model.available && <CostEstimate estimate={currentEstimate} loading={estimate.isFetching} error={estimate.error} free={model.pricing.credits === 0} />}
      {serverError && (
        <p role="alert" className="text-sm text-destructive-strong">
          {serverError}
        </p>
      )}
      <GenerateBar onSubmit={(mode) => void submit(mode)} pending={pending} disabledReason={disabledReason} hideReason={model.available} />
    </>
  );
  const controls = (
    <ControlsPanel
      inSheet={!isDesktop}
      models={models}
      model={model}
      onModelChange={studio.changeModel}
      onApplyPreset={studio.applyPreset}
      currentRequest={studio.currentRequest}
      lastSeed={lastSeed}
      footer={footer}
      onBlendQueued={(job) => studio.addResult(job.id)}
      targetProjectId={targetProjectId}
    />
  );
  const restoreFromHistory = (job: Job) => {
    if (studio.restoreJob(job)) {
      toast.success(t("page.restored"), { description: job.prompt.slice(0, 80) });
      setHistorySheet(false);
    }
  };
  const toggleHistory = () => {
    if (!isWide) return setHistorySheet((o) => !o);
    setHistoryPinned((o) => {
      localStorage.setItem(HISTORY_KEY, o ? "0" : "1");
      return !o;
    });
  };
  const historyOpen = isWide ? historyPinned : historySheet;

  return (
    <FormProvider {...form}>
      <div ref={fillRef} style={fillStyle} {...fill} className="-mx-4 -mb-6 first:-mt-6 flex min-h-0 md:-mx-8">
        {isDesktop && (
          <aside aria-label={t("page.controls")} className={cn("relative shrink-0 overflow-y-auto border-r border-border bg-surface/40", (studioWidth ?? 0) >= 900 ? "w-[380px]" : "w-[300px]")}>
            {controls}
          </aside>
        )}
        <ResultsPanel
          jobIds={studio.results}
          live={live}
          eta={eta}
          scrollRef={resultsRef}
          onClear={studio.clearResults}
          onReuse={(job) => studio.restoreJob(job) && toast.success(t("page.restored"))}
          onVary={(job) => {
            if (studio.restoreJob(job, false)) void submit("generate");
          }}
          onCancel={(job) => cancel.mutate(job)}
          onRetry={(job) => retry.mutate(job)}
          onDerived={(job) => studio.addResult(job.id)}
          headerActions={
            <Button type="button" variant="ghost" size="sm" aria-pressed={historyOpen} onClick={toggleHistory}>
              <History aria-hidden="true" />
              <span className="hidden sm:inline">{t("page.history")}</span>
              <span className="sr-only sm:hidden">{t("page.history")}</span>
            </Button>
          }
          emptyAction={
            !isDesktop && (
              <Button type="button" onClick={() => setSheetOpen(true)}>
                <SlidersHorizontal aria-hidden="true" />
                {t("page.openSettings")}
              </Button>
            )
          }
          toolbar={
            <ResultsToolbar
              submit={(mode) => void submit(mode)}
              pending={pending}
              busy={pending !== null || Boolean(disabledReason)}
              currentRequest={studio.currentRequest}
              onOpenSettings={isDesktop ? undefined : () => setSheetOpen(true)}
            />
          }
        />
        {isWide && historyPinned && (
          <aside aria-label={t("page.historyLabel")} className="relative flex w-72 shrink-0 flex-col border-l border-border bg-surface/40">
            <HistoryPanel onRestore={restoreFromHistory} />
          </aside>
        )}
      </div>
      {!isWide && (
        <Sheet open={historySheet} onOpenChange={setHistorySheet}>
          <SheetContent side="right" className="flex w-80 flex-col gap-0 p-0">
            <SheetHeader className="sr-only">
              <SheetTitle>{t("page.historyLabel")}</SheetTitle>
              <SheetDescription>{t("page.historyDescription")}</SheetDescription>
            </SheetHeader>
            <HistoryPanel onRestore={restoreFromHistory} headingId="history-sheet-heading" />
          </SheetContent>
        </Sheet>
      )}
      {!isDesktop && (
        <Sheet open={sheetOpen} onOpenChange={setSheetOpen}>
          <SheetContent side="bottom" data-studio-sheet="" className="flex h-[92dvh] max-h-[92dvh] flex-col gap-0 p-0">
            <SheetHeader className="border-b border-border">
              <SheetTitle>{t("page.settingsTitle")}</SheetTitle>
              <SheetDescription className="sr-only">{t("page.settingsDescription")}</SheetDescription>
            </SheetHeader>
            <div className="relative min-h-0 flex-1 overflow-y-auto">{controls}</div>
          </SheetContent>
        </Sheet>
      )}
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </FormProvider>
  );
}
