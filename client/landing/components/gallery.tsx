import { Info, Users } from "lucide-react";
import type { Gallery as GalleryData, GalleryItem } from "../types";
import { wrap, Picture, SectionHeading } from "./ui";

function Caption({ item, source }: { item: GalleryItem; source: GalleryData["source"] }) {
  return (
    <figcaption className="p-3 text-sm">
      <span className="line-clamp-2 text-foreground">{item.prompt}</span>
      <span className="mt-1 block text-xs text-muted-foreground">
        {source === "sketch-engine"
          ? `Local sketch engine · seed ${item.seed ?? 0} · not AI`
          : `${item.model}${item.author ? ` · shared by ${item.author}` : ""}`}
      </span>
    </figcaption>
  );
}

const NOTES: Record<GalleryData["source"], { icon: typeof Info; text: string }> = {
  "sketch-engine": {
    icon: Info,
    text: "Nobody has shared a public image yet, so these pictures were drawn when this page was built by Image Studio’s local sketch engine: procedural shapes from a prompt and a seed. They are not AI output.",
  },
  community: {
    icon: Users,
    text: "Images people made in Image Studio and chose to share publicly, with the prompt and model they used.",
  },
};

/** Example gallery: users' public images when there are any, otherwise build-time sketch-engine artwork (labelled). */
export function Gallery({ gallery }: { gallery: GalleryData }) {
  if (gallery.items.length === 0) return null;
  const note = NOTES[gallery.source];
  return (
    <section id="gallery" aria-labelledby="gallery-title" className="band below-fold">
      <div className={wrap}>
        <SectionHeading
          id="gallery-title"
          eyebrow="Gallery"
          title={gallery.source === "community" ? "Made with Image Studio" : "Example gallery"}
          lead="Every picture keeps its prompt, model and seed, so you can reproduce it or branch a new variation from it."
        />
        <p className="mx-auto mt-8 flex max-w-2xl items-start gap-3 rounded-xl border border-border bg-surface p-4 text-sm text-muted-foreground">
          <note.icon className="mt-0.5 size-4 shrink-0 text-primary-strong" aria-hidden="true" />
          <span>{note.text}</span>
        </p>
        <ul className="mt-10 columns-2 gap-3 sm:gap-4 md:columns-3 lg:columns-4">
          {gallery.items.map((item) => (
            <li key={item.image.fallback.url} className="mb-3 break-inside-avoid sm:mb-4">
              <figure className="card group overflow-hidden transition-shadow duration-300 hover:shadow-lg">
                <div className="overflow-hidden">
                  <Picture
                    image={item.image}
                    sizes="(min-width: 1024px) 270px, (min-width: 768px) 30vw, 46vw"
                    className="zoom group-hover:scale-105"
                  />
                </div>
                <Caption item={item} source={gallery.source} />
              </figure>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
