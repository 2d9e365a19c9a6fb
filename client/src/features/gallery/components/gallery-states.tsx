import { Link } from "@tanstack/react-router";
import { Heart, ImageOff, Images, SearchX, Sparkles, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { GalleryMode } from "../search";

export function GallerySkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5">
      <span className="sr-only">Loading images…</span>
      {Array.from({ length: 15 }, (_, i) => (
        <Skeleton key={i} className="aspect-square rounded-xl" />
      ))}
    </div>
  );
}

/** What an empty gallery, favourites view, trash or fruitless search says, and what to do next. */
export function GalleryEmpty({ mode, filtered, onClear }: { mode: GalleryMode; filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState
        icon={SearchX}
        title="No images match"
        description="Try fewer filters or different words — search looks at prompts, negative prompts, tags and models."
        action={<Button onClick={onClear}>Clear filters and search</Button>}
      />
    );
  }
  if (mode === "favorites") {
    return (
      <EmptyState
        icon={Heart}
        title="No favourites yet"
        description="Tap the heart on any image to keep it here, one click away."
        action={
          <Button asChild variant="outline">
            <Link to="/gallery">Browse your images</Link>
          </Button>
        }
      />
    );
  }
  if (mode === "trash") {
    return <EmptyState icon={Trash2} title="The trash is empty" description="Images you delete wait here until you restore them or delete them for good." />;
  }
  return (
    <EmptyState
      icon={Images}
      title="No images yet"
      description="Every image you generate lands here — searchable by prompt, model, tags and more."
      action={
        <Button asChild>
          <Link to="/studio">
            <Sparkles aria-hidden="true" /> Generate your first image
          </Link>
        </Button>
      }
    />
  );
}

export function GalleryError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return <EmptyState icon={ImageOff} title="Couldn't load your images" description={message} action={<Button onClick={onRetry}>Try again</Button>} />;
}
