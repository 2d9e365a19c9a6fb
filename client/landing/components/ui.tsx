import type { CSSProperties, ReactNode } from "react";
import type { ResponsiveImage } from "../types";

/** Page width and gutters (the `wrap` utility, components.css). */
export const wrap = "wrap";

/** Button looks (components.css: btn, btn-primary, btn-outline, btn-ghost) and sizes. */
export const buttonStyles = {
  primary: "btn btn-primary",
  outline: "btn btn-outline",
  ghost: "btn btn-ghost",
  lg: "h-12 px-6 text-base",
  md: "h-10 px-4 text-sm",
} as const;

export function SectionHeading({
  id,
  eyebrow,
  title,
  lead,
}: {
  id: string;
  eyebrow: string;
  title: string;
  lead?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl text-center">
      <p className="eyebrow">{eyebrow}</p>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {lead ? <p className="section-lead">{lead}</p> : null}
    </div>
  );
}

/** A 1–5 rating drawn as five bars (one element: landing.css paints the bars from --v), with the number beside it. */
export function Meter({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <span className="text-muted-foreground">{label}</span>
      <span className="flex items-center gap-2">
        <span className="meter" style={{ "--v": value } as CSSProperties} aria-hidden="true" />
        <span className="w-9 text-right font-medium text-foreground tabular-nums">
          {value}
          <span className="text-muted-foreground">/5</span>
        </span>
      </span>
    </div>
  );
}

interface PictureProps {
  image: ResponsiveImage;
  sizes: string;
  className?: string;
  /**
   * Above the fold: load at once, but at low priority. The LCP element is the hero heading, so the pictures must
   * not share the first round trips with the stylesheet and the font: left to itself Chrome raises pictures in the
   * viewport to High/Medium, and on a slow link the four of them took bandwidth from both. Everything else is lazy.
   */
  eager?: boolean;
}

/** AVIF with WebP on the <img> for the rest, explicit width/height so the box is reserved before the bytes arrive. */
export function Picture({ image, sizes, className, eager = false }: PictureProps) {
  const srcset = (list: ResponsiveImage["avif"]) => list.map((s) => `${s.url} ${s.width}w`).join(", ");
  return (
    <picture>
      <source type="image/avif" srcSet={srcset(image.avif)} sizes={sizes} />
      <img
        src={image.fallback.url}
        srcSet={srcset(image.webp)}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        className={className}
        loading={eager ? undefined : "lazy"}
        fetchPriority={eager ? "low" : undefined}
        decoding="async"
      />
    </picture>
  );
}
