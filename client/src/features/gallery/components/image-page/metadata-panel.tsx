import type { ImageDetail } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { Wand2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
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

function PromptBlock({ title, text }: { title: string; text: string }) {
  return (
    <section className="rounded-lg bg-muted/60 p-3">
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h3>
        {text && <CopyButton text={text} label={`Copy ${title.toLowerCase()}`} />}
      </div>
      <p className="text-sm whitespace-pre-wrap">{text || <span className="text-muted-foreground">None</span>}</p>
    </section>
  );
}

/** Everything about how an image was made, with copy buttons and "use these settings". */
export function MetadataPanel({ image }: { image: ImageDetail }) {
  const params = Object.entries(image.parameters).filter(([k, v]) => !HIDDEN_PARAMS.has(k) && v !== undefined && v !== null && v !== "");
  return (
    <div className="flex flex-col gap-3">
      <PromptBlock title="Prompt" text={image.prompt} />
      <PromptBlock title="Negative prompt" text={image.negativePrompt} />
      <dl className="divide-y divide-border text-sm">
        <Row label="Model">
          {image.modelId}
          {image.modelVersion ? ` · ${image.modelVersion}` : ""}
        </Row>
        <Row label="Operation">{image.operation}</Row>
        {image.seed !== null && (
          <Row label="Seed">
            <span className="inline-flex items-center gap-1">
              {image.seed}
              <CopyButton text={String(image.seed)} label="Copy seed" />
            </span>
          </Row>
        )}
        {params.map(([k, v]) => (
          <Row key={k} label={paramLabel(image.modelId, k)}>
            {paramValue(v)}
          </Row>
        ))}
        <Row label="Dimensions">
          {image.width} × {image.height}
        </Row>
        <Row label="File">
          {image.format.toUpperCase()} · {formatBytes(image.fileSize)}
        </Row>
        {image.generationTime !== null && <Row label="Generation time">{image.generationTime.toFixed(1)} s</Row>}
        <Row label="Cost">
          {image.costCredits} credit{image.costCredits === 1 ? "" : "s"}
        </Row>
        <Row label="Created">{formatDate(image.createdAt)}</Row>
        {image.projectName && <Row label="Project">{image.projectName}</Row>}
        {image.madeBy && <Row label="Made by">{image.madeBy.name}</Row>}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="secondary" size="sm">
          <Link to="/studio" search={{ prompt: image.prompt, negativePrompt: image.negativePrompt || undefined, modelId: image.modelId, parameters: image.parameters }}>
            <Wand2 aria-hidden="true" /> Use these settings
          </Link>
        </Button>
        <CopyButton text={JSON.stringify({ prompt: image.prompt, negativePrompt: image.negativePrompt, modelId: image.modelId, parameters: image.parameters }, null, 2)} label="Copy all settings as JSON" />
      </div>
    </div>
  );
}
