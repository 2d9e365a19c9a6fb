import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, ExternalLink, Megaphone, Sparkles } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate, formatNumber } from "@/i18n";
import { modelsQuery } from "@/lib/models";
import { bestForLabel, modelDescription, modelLicense, modelTip, paramDescription, paramLabel, paramOptionLabel } from "@/i18n/labels";
import type { TFunction } from "i18next";
import { announcementsOptions, modelSamplesOptions, modelStatsOptions, modelStatusOptions } from "../api/models";
import { costDollars, costLabel, maxSize, OPERATION_LABELS, supportsLora, takesImageInput } from "../lib/model-facts";
import { Rating } from "./rating";
import { StatusBadge } from "./status-badge";

const percent = (v: number) => formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
const seconds = (v: number | null, t: TFunction<"models">) =>
  v === null ? "—" : t("stats.seconds", { value: formatNumber(v, { minimumFractionDigits: v < 10 ? 1 : 0, maximumFractionDigits: v < 10 ? 1 : 0 }) });

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-mono text-sm">{children}</dd>
    </div>
  );
}

/** /models/<id>: what the model is, how it performs here, how to use it, and news about it. */
export function ModelPage({ id }: { id: string }) {
  const { t } = useTranslation("models");
  const models = useQuery(modelsQuery);
  const model = models.data?.find((m) => m.id === id);
  const status = useQuery(modelStatusOptions).data?.find((s) => s.modelId === id);
  const stats = useQuery({ ...modelStatsOptions(id), enabled: !!model });
  const news = useQuery({ ...announcementsOptions(id), enabled: !!model });
  const samples = useQuery({ ...modelSamplesOptions(id), enabled: !!model });
  if (models.isPending) return <Skeleton className="h-96 rounded-xl" />;
  if (!model) {
    return (
      <EmptyState
        title={t("page.notFound.title")}
        description={t("page.notFound.description")}
        action={
          <Button asChild>
            <Link to="/models">{t("page.allModels")}</Link>
          </Button>
        }
      />
    );
  }
  const s = stats.data;
  const rec = model.recommended;
  return (
    <>
      <Link to="/models" className="mb-2 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
        <ArrowLeft className="size-4" aria-hidden="true" /> {t("page.allModels")}
      </Link>
      <PageHeader
        title={model.displayName}
        description={modelDescription(t, model)}
        actions={
          <Button asChild disabled={!model.available || !model.isActive}>
            <Link to="/studio" search={{ modelId: model.id }}>
              <Sparkles aria-hidden="true" /> {t("page.use")}
            </Link>
          </Button>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2">
        <StatusBadge status={status} />
        <Badge variant="outline" className="font-mono">{model.id}</Badge>
        {model.license && <Badge variant="warning">{modelLicense(t, model)}</Badge>}
      </div>
      <section aria-labelledby="model-samples" className="mb-6 grid gap-2">
        <h2 id="model-samples" className="text-lg font-semibold">{t("samples.title")}</h2>
        {samples.isPending ? (
          <div className="grid grid-cols-3 gap-3">{[0, 1, 2].map((i) => <Skeleton key={i} className="aspect-square rounded-xl" />)}</div>
        ) : samples.data?.items.length ? (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {samples.data.items.map((img) => (
              <li key={img.url} className="overflow-hidden rounded-xl border border-border bg-card">
                <img src={img.url} alt={t("samples.alt", { model: model.displayName, prompt: img.prompt })} width={img.width} height={img.height} loading="lazy" className="aspect-square w-full object-cover" />
                <p className="p-2 text-xs text-muted-foreground">{img.prompt}</p>
              </li>
            ))}
          </ul>
        ) : null}
        {samples.data?.note && <p className="text-sm text-muted-foreground">{samples.data.note}</p>}
        {samples.data?.source === "generated" && <p className="text-xs text-muted-foreground">{t("samples.generated")}</p>}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="rounded-xl">
          <CardHeader>
            <CardTitle><h2>{t("stats.title")}</h2></CardTitle>
            <CardDescription>{t("stats.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            {stats.isPending ? (
              <Skeleton className="h-24 rounded-xl" />
            ) : !s ? (
              <p className="text-sm text-muted-foreground">{t("stats.loadFailed")}</p>
            ) : s.jobs.completed + s.jobs.failed === 0 ? (
              <p className="text-sm text-muted-foreground">{t("stats.empty")}</p>
            ) : (
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
                <Fact label={t("stats.p50")}>{seconds(s.durationSeconds.p50, t)}</Fact>
                <Fact label={t("stats.p95")}>{seconds(s.durationSeconds.p95, t)}</Fact>
                <Fact label={t("stats.successRate")}>{s.successRate === null ? "—" : percent(s.successRate)}</Fact>
                <Fact label={t("stats.jobs")}>{formatNumber(s.jobs.completed + s.jobs.failed)}</Fact>
              </dl>
            )}
          </CardContent>
        </Card>
        <Card className="rounded-xl">
          <CardHeader>
            <CardTitle><h2>{t("glance.title")}</h2></CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4">
              <Fact label={t("facts.cost")}>{costLabel(model, t)}{costDollars(model, t) ? ` ${costDollars(model, t)}` : ""}</Fact>
              <Fact label={t("facts.maxSize")}>{maxSize(model, t)}</Fact>
              <div className="grid gap-0.5"><dt className="text-xs text-muted-foreground">{t("facts.speed")}</dt><dd><Rating value={model.speed} label={t("facts.speed")} /></dd></div>
              <div className="grid gap-0.5"><dt className="text-xs text-muted-foreground">{t("facts.quality")}</dt><dd><Rating value={model.quality} label={t("facts.quality")} /></dd></div>
              <Fact label={t("facts.negativePrompt")}>{model.supportsNegativePrompt ? t("yes") : t("no")}</Fact>
              <Fact label={t("facts.lora")}>{supportsLora(model) ? t("yes") : t("no")}</Fact>
              <Fact label={t("facts.imageInput")}>{takesImageInput(model) ? t("yes") : t("no")}</Fact>
              <Fact label={t("facts.imagesPerJob")}>{t("facts.upTo", { count: model.maxImages })}</Fact>
            </dl>
            <p className="mt-4 text-sm"><span className="text-muted-foreground">{t("glance.does")} </span>{model.operations.map((o) => t(OPERATION_LABELS[o])).join(", ")}</p>
            {model.bestFor.length > 0 && <p className="mt-1 text-sm"><span className="text-muted-foreground">{t("glance.bestFor")} </span>{model.bestFor.map((use) => bestForLabel(t, use)).join(", ")}</p>}
          </CardContent>
        </Card>
        <Card className="rounded-xl">
          <CardHeader>
            <CardTitle><h2>{t("recommended.title")}</h2></CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            <dl className="grid grid-cols-3 gap-4">
              <Fact label={t("recommended.aspectRatio")}>{rec.aspectRatio ?? t("recommended.any")}</Fact>
              <Fact label={t("recommended.steps")}>{rec.steps ?? t("recommended.default")}</Fact>
              <Fact label={t("recommended.guidance")}>{rec.guidanceScale ?? t("recommended.default")}</Fact>
            </dl>
            {rec.tip && <p className="text-sm">{modelTip(t, model)}</p>}
            <details className="text-sm">
              <summary className="cursor-pointer rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring">{t("recommended.allParams", { count: model.params.length })}</summary>
              <ul className="mt-2 grid gap-2">
                {model.params.map((p) => (
                  <li key={p.key}>
                    <span className="font-medium">{paramLabel(t, model.id, p)}</span>{" "}
                    <span className="font-mono text-xs text-muted-foreground">
                      {p.options ? p.options.map((o) => paramOptionLabel(t, p, o)).join(" · ") : p.min !== undefined ? `${p.min}–${p.max}` : p.type}
                      {p.default !== undefined && typeof p.default !== "object" ? t("recommended.paramDefault", { value: String(p.default) }) : ""}
                    </span>
                    <div className="text-muted-foreground">{paramDescription(t, model.id, p)}</div>
                  </li>
                ))}
              </ul>
            </details>
            {model.docsUrl && (
              <a href={model.docsUrl} target="_blank" rel="noreferrer" className="inline-flex w-fit items-center gap-1 rounded-sm text-sm font-medium text-primary-strong underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
                {t("recommended.docs")} <ExternalLink className="size-3.5" aria-hidden="true" /><span className="sr-only">{t("recommended.newTab")}</span>
              </a>
            )}
          </CardContent>
        </Card>
        <Card className="rounded-xl">
          <CardHeader>
            <CardTitle><h2>{t("news.title")}</h2></CardTitle>
          </CardHeader>
          <CardContent>
            {news.isPending ? (
              <Skeleton className="h-16 rounded-xl" />
            ) : !news.data?.length ? (
              <p className="text-sm text-muted-foreground">{t("news.empty")}</p>
            ) : (
              <ul className="grid gap-3">
                {news.data.map((a) => (
                  <li key={a.id} className="flex gap-3">
                    <Megaphone className="mt-0.5 size-4 shrink-0 text-accent-strong" aria-hidden="true" />
                    <div>
                      <p className="text-sm font-medium">{a.title} <Badge variant="accent" className="ml-1 capitalize">{t(`news.kinds.${a.kind}`)}</Badge></p>
                      {a.body && <p className="text-sm text-muted-foreground">{a.body}</p>}
                      <p className="text-xs text-muted-foreground"><time dateTime={a.createdAt}>{formatDate(a.createdAt)}</time></p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
