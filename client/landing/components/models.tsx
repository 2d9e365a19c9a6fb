import { ChevronLeft, ChevronRight, ExternalLink } from "lucide-react";
import type { LandingModel } from "../types";
import { formatCost } from "./format";
import { wrap, Meter, SectionHeading } from "./ui";

function ModelCard({ model, index, total }: { model: LandingModel; index: number; total: number }) {
  const local = model.provider === "local";
  return (
    <li
      data-slide=""
      aria-roledescription="slide"
      aria-label={`${index + 1} of ${total}: ${model.displayName}`}
      className="model-card"
    >
      <div className="flex items-center justify-between gap-3">
        <span className={`badge ${local ? "bg-success/15 text-success-strong" : "bg-primary/10 text-primary-strong"}`}>
          {local ? "Local · not AI" : "fal.ai"}
        </span>
        <span className="text-sm font-semibold text-foreground">{formatCost(model).short}</span>
      </div>
      <h3 className="mt-4 text-xl font-bold tracking-tight text-foreground">{model.displayName}</h3>
      <p className="mt-2 line-clamp-4 flex-1 text-sm text-muted-foreground">{model.description}</p>
      <p className="label mt-4">Best for</p>
      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={`${model.displayName} is best for`}>
        {model.bestFor.slice(0, 4).map((b) => (
          <li key={b} className="chip">
            {b}
          </li>
        ))}
      </ul>
      <div className="mt-5 space-y-2 border-t border-border pt-4">
        <Meter label="Speed" value={model.speed} />
        <Meter label="Quality" value={model.quality} />
        <p className="stat">
          <span className="text-muted-foreground">Cost</span>
          <span className="text-right font-medium text-foreground">{formatCost(model).long}</span>
        </p>
      </div>
      {model.docsUrl ? (
        <a
          href={model.docsUrl}
          rel="noopener"
          className="text-link mt-4 inline-flex items-center gap-1 self-start text-sm"
        >
          Model page
          <ExternalLink className="size-3.5" aria-hidden="true" />
        </a>
      ) : null}
    </li>
  );
}

const arrow =
  "inline-flex size-10 items-center justify-center rounded-full border border-border bg-card text-foreground shadow-sm transition-[background-color,opacity] duration-200 hover:bg-muted aria-disabled:cursor-default aria-disabled:opacity-40";

/**
 * The model carousel: a scroll-snapping list (swipe, trackpad or keyboard scroll without JavaScript); enhance.ts
 * adds the previous/next buttons.
 */
export function Models({ models }: { models: LandingModel[] }) {
  const shown = models.filter((m) => m.generates);
  return (
    <section id="models" aria-labelledby="models-title" className="band below-fold bg-surface">
      <div className={wrap}>
        <SectionHeading
          id="models-title"
          eyebrow="Models"
          title="The right model for every image"
          lead="Fast drafts, photorealism, custom styles — see what each model is best at, how fast it is and what it costs before you spend a credit."
        />
        <div data-carousel="" aria-roledescription="carousel" aria-label="Image models" role="region" className="mt-12">
          <div className="mb-4 flex justify-end gap-2">
            <button
              type="button"
              data-carousel-prev=""
              hidden
              aria-controls="model-track"
              aria-label="Previous models"
              className={arrow}
            >
              <ChevronLeft className="size-5" aria-hidden="true" />
            </button>
            <button
              type="button"
              data-carousel-next=""
              hidden
              aria-controls="model-track"
              aria-label="Next models"
              className={arrow}
            >
              <ChevronRight className="size-5" aria-hidden="true" />
            </button>
          </div>
          <ul
            id="model-track"
            data-carousel-track=""
            tabIndex={0}
            aria-label="Image models, scroll sideways for more"
            className="relative -mx-4 flex snap-x snap-mandatory scroll-px-4 gap-4 overflow-x-auto px-4 pt-1 pb-6 sm:-mx-6 sm:scroll-px-6 sm:px-6 lg:mx-0 lg:scroll-px-0 lg:px-0 [scrollbar-width:thin]"
          >
            {shown.map((m, i) => (
              <ModelCard key={m.id} model={m} index={i} total={shown.length} />
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
