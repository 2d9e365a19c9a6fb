import type { ImageDetail } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Wand2 } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/i18n";
import { paramLabel, paramValue } from "../../lib/param-labels";
import { formatBytes, formatDate } from "../format";
import { CopyButton } from "./copy-button";

const HIDDEN_PARAMS = new Set(["seed", "numImages"]);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-right font-mono text-xs break-all">{children}</dd>
    </div>
  );
}

function PromptBlock({ title, copyLabel, text }: { title: string; copyLabel: string; text: string }) {
  const { t } = useTranslation("gallery");
  return (
    <section className="rounded-lg bg-muted/60 p-3">
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h3>
        {text && <CopyButton text={text} label={copyLabel} />}
      </div>
      <p className="text-sm whitespace-pre-wrap">{text || <span className="text-muted-foreground">{t("meta.none")}</span>}</p>
    </section>
  );
}

/** Everything about how an image was made, with copy buttons and "use these settings". */
export function MetadataPanel({ image }: { image: ImageDetail }) {
  const { t } = useTranslation("gallery");
  const params = Object.entries(image.parameters).filter(([k, v]) => !HIDDEN_PARAMS.has(k) && v !== undefined && v !== null && v !== "");
  return (
    <div className="flex flex-col gap-3">
      <PromptBlock title={t("meta.prompt")} copyLabel={t("meta.copyPrompt")} text={image.prompt} />
      <PromptBlock title={t("meta.negativePrompt")} copyLabel={t("meta.copyNegativePrompt")} text={image.negativePrompt} />
      <dl className="divide-y divide-border text-sm">
        <Row label={t("meta.model")}>
          {image.modelId}
          {image.modelVersion ? ` · ${image.modelVersion}` : ""}
        </Row>
        <Row label={t("meta.operation")}>{image.operation}</Row>
        {image.seed !== null && (
          <Row label={t("meta.seed")}>
            <span className="inline-flex items-center gap-1">
              {image.seed}
              <CopyButton text={String(image.seed)} label={t("meta.copySeed")} />
            </span>
          </Row>
        )}
        {params.map(([k, v]) => (
          <Row key={k} label={paramLabel(image.modelId, k)}>
            {paramValue(v)}
          </Row>
        ))}
        <Row label={t("meta.dimensions")}>
          {image.width} × {image.height}
        </Row>
        <Row label={t("meta.file")}>
          {image.format.toUpperCase()} · {formatBytes(image.fileSize)}
        </Row>
        {image.generationTime !== null && <Row label={t("meta.generationTime")}>{t("meta.seconds", { value: formatNumber(image.generationTime, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</Row>}
        <Row label={t("meta.cost")}>{t("meta.credits", { count: image.costCredits })}</Row>
        <Row label={t("meta.created")}>{formatDate(image.createdAt)}</Row>
        {image.projectName && <Row label={t("meta.project")}>{image.projectName}</Row>}
        {image.madeBy && <Row label={t("meta.madeBy")}>{image.madeBy.name}</Row>}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="secondary" size="sm">
          <Link to="/studio" search={{ prompt: image.prompt, negativePrompt: image.negativePrompt || undefined, modelId: image.modelId, parameters: image.parameters }}>
            <Wand2 aria-hidden="true" /> {t("meta.useSettings")}
          </Link>
        </Button>
        <CopyButton text={JSON.stringify({ prompt: image.prompt, negativePrompt: image.negativePrompt, modelId: image.modelId, parameters: image.parameters }, null, 2)} label={t("meta.copyJson")} />
      </div>
    </div>
  );
}
