import { createFileRoute } from "@tanstack/react-router";
import { LightboxExtrasContext } from "@/components/lightbox/lightbox-extras";
import { loadImageList } from "@/features/gallery/api/queries";
import { GalleryPage } from "@/features/gallery/gallery-page";
import { lightboxIterateOnOpen } from "@/features/iteration/components/lightbox-iterate-on-open";
import { gallerySearchSchema, toListQuery } from "@/features/gallery/search";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/favorites")({
  staticData: { i18n: ["gallery", "iteration"] },
  head: titledKey("favorites"),
  validateSearch: gallerySearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => loadImageList(context.queryClient, toListQuery(deps, "favorites")),
  component: Favorites,
});

function Favorites() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <LightboxExtrasContext value={lightboxIterateOnOpen}>
      <GalleryPage mode="favorites" search={search} onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })} />
    </LightboxExtrasContext>
  );
}
