import { ArrowRight, CloudOff, Layers, Sparkles, WandSparkles } from "lucide-react";
import { ROUTES } from "../content";
import type { ResponsiveImage } from "../types";
import { buttonStyles, wrap, Picture } from "./ui";

/** Slow drifting colour fields behind the hero (transform-only animation; still under prefers-reduced-motion). */
function AnimatedBackdrop() {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 -z-10 overflow-hidden">
      <div className="hero-blob hero-blob-a" />
      <div className="hero-blob hero-blob-b" />
      <div className="hero-blob hero-blob-c" />
      <div className="absolute inset-0 bg-[linear-gradient(to_bottom,transparent_60%,var(--background))]" />
    </div>
  );
}

/** A studio window: the prompt, the model and four seeds of it, drawn by the local sketch engine. */
function StudioShowcase({ images, prompt }: { images: ResponsiveImage[]; prompt: string }) {
  return (
    <figure className="relative mx-auto w-full max-w-lg lg:mx-0">
      <div className="rounded-2xl border border-border bg-card/90 p-3 shadow-2xl shadow-primary/10 ring-1 ring-black/5 sm:p-4 dark:ring-white/5">
        <div className="flex items-center gap-1.5 px-1 pb-3" aria-hidden="true">
          <span className="size-2.5 rounded-full bg-destructive/70" />
          <span className="size-2.5 rounded-full bg-warning/80" />
          <span className="size-2.5 rounded-full bg-success/80" />
        </div>
        <div className="flex items-center gap-2 rounded-xl border border-border bg-background px-3 py-2.5">
          <WandSparkles className="size-4 shrink-0 text-primary-strong" aria-hidden="true" />
          <p className="min-w-0 flex-1 truncate text-sm text-foreground">
            <span className="sr-only">Prompt: </span>
            {prompt}
          </p>
          <span
            className="rounded-md bg-primary-solid px-2.5 py-1 text-xs font-semibold text-primary-foreground"
            aria-hidden="true"
          >
            Generate
          </span>
        </div>
        <p className="mt-2 px-1 text-xs text-muted-foreground tabular-nums">Local sketch · 1:1 · 4 seeds</p>
        <div className="mt-3 grid grid-cols-2 gap-2 sm:gap-3">
          {images.map((image) => (
            <div key={image.fallback.url} className="overflow-hidden rounded-xl bg-muted">
              <Picture
                image={image}
                eager
                sizes="(min-width: 1024px) 240px, (min-width: 640px) 250px, 45vw"
                className="zoom aspect-square object-cover hover:scale-105"
              />
            </div>
          ))}
        </div>
      </div>
      <div
        aria-hidden="true"
        className="absolute top-[46%] -left-4 hidden rounded-full border border-border bg-card px-3 py-1.5 text-xs font-medium text-foreground shadow-lg sm:flex sm:items-center sm:gap-1.5 lg:-left-10 hero-float"
      >
        <Layers className="size-3.5 text-primary-strong" /> 4 variations
      </div>
      <div
        aria-hidden="true"
        className="absolute -right-3 bottom-16 hidden rounded-full border border-border bg-card px-3 py-1.5 text-xs font-medium text-foreground shadow-lg sm:flex sm:items-center sm:gap-1.5 lg:-right-8 hero-float hero-float-late"
      >
        <CloudOff className="size-3.5 text-success-strong" /> Saved for offline
      </div>
      <figcaption className="mt-3 px-1 text-center text-xs text-muted-foreground">
        Illustrations drawn when this page was built by Image Studio’s local sketch engine — procedural shapes, not AI
        output.
      </figcaption>
    </figure>
  );
}

export function Hero({ images, prompt }: { images: ResponsiveImage[]; prompt: string }) {
  return (
    <section aria-labelledby="hero-title" data-hero="" className="relative isolate overflow-hidden">
      <AnimatedBackdrop />
      <div
        className={`${wrap} grid grid-cols-[minmax(0,1fr)] items-center gap-12 pt-12 pb-16 sm:pt-20 lg:grid-cols-[minmax(0,1.05fr)_minmax(0,1fr)] lg:gap-16 lg:pt-24 lg:pb-24`}
      >
        <div className="text-center lg:text-left">
          <p className="inline-flex items-center gap-2 rounded-full border border-primary/30 bg-background/70 px-3 py-1 text-xs font-medium text-primary-strong sm:text-sm">
            <Sparkles className="size-4" aria-hidden="true" />
            FLUX, SDXL and more — in one studio
          </p>
          <h1
            id="hero-title"
            className="mt-6 text-4xl font-extrabold tracking-tight text-balance text-foreground sm:text-5xl lg:text-6xl"
          >
            Make AI images, iterate on them, and <span className="text-gradient">keep them everywhere</span>
          </h1>
          <p className="mx-auto mt-6 max-w-xl text-lg text-pretty text-muted-foreground lg:mx-0">
            One prompt box for the best image models. Branch variations, upscale the keepers, sort them into projects —
            and take your galleries offline on any device.
          </p>
          <div className="mt-8 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center lg:justify-start">
            <a href={ROUTES.signUp} className={`${buttonStyles.primary} ${buttonStyles.lg}`}>
              Sign up free
              <ArrowRight aria-hidden="true" />
            </a>
            <a href={ROUTES.tryDemo} className={`${buttonStyles.outline} ${buttonStyles.lg}`}>
              Try the demo
            </a>
          </div>
          <p className="mt-4 text-sm text-muted-foreground">
            No sign-up for the demo: it opens the studio on the local sketch engine.
          </p>
        </div>
        <StudioShowcase images={images} prompt={prompt} />
      </div>
    </section>
  );
}
