import { Skeleton } from "@/components/ui/skeleton";
import { GalleryHeading } from "./gallery-heading";
import { FILTER_PANEL_CLASS, GallerySkeleton } from "./gallery-states";
import { GalleryToolbar } from "./gallery-toolbar";

const noop = () => undefined;

/**
 * `/gallery`'s first screen before any of its data: what the build prerenders into the signed-in frame
 * (client/src/app/prerender/entry.tsx) for a first visit to paint before the scripts have run. The real header,
 * tabs and toolbar in their default state, and the same boxes as GalleryView's for the filter panel and the grid,
 * as skeletons. The app renders the page over it (client/src/main.tsx).
 */
export function GalleryFrame() {
  return (
    <>
      <GalleryHeading mode="all" />
      <div className="flex items-start gap-4 lg:gap-6">
        <div className={FILTER_PANEL_CLASS}>
          <div className="grid gap-4">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-9 rounded-lg" />
            ))}
          </div>
        </div>
        <div className="min-w-0 flex-1">
          <GalleryToolbar
            mode="all"
            q=""
            sort="date"
            order="desc"
            view="grid"
            filtersOpen
            filterCount={0}
            onSearch={noop}
            onSort={noop}
            onView={noop}
            onToggleFilters={noop}
            onSelectAll={noop}
          />
          <GallerySkeleton />
        </div>
      </div>
    </>
  );
}
