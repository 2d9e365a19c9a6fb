import { createFileRoute } from "@tanstack/react-router";
import { LightboxExtrasContext } from "@/components/lightbox/lightbox-extras";
import { loadImageList } from "@/features/gallery/api/queries";
import { GalleryPage } from "@/features/gallery/gallery-page";
import { lightboxIterateOnOpen } from "@/features/iteration/components/lightbox-iterate-on-open";
import { gallerySearchSchema, toListQuery } from "@/features/gallery/search";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/gallery")({
  staticData: { i18n: ["gallery", "iteration"] },
  head: titledKey("gallery"),
  validateSearch: gallerySearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => loadImageList(context.queryClient, toListQuery(deps, "all")),
  // The loader travels with the page's code: the first visit starts loading that code before the router runs
  // (app/first-visit.ts), so the loader is there when the guard lets it run — not one more file fetched after it.
  codeSplitGroupings: [["loader", "component"]],
  component: Gallery,
});

function Gallery() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <LightboxExtrasContext value={lightboxIterateOnOpen}>
      <GalleryPage mode="all" search={search} onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })} />
    </LightboxExtrasContext>
  );
}
