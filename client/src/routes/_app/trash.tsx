import { createFileRoute } from "@tanstack/react-router";
import { loadImageList } from "@/features/gallery/api/queries";
import { TrashControls } from "@/features/gallery/components/trash-controls";
import { GalleryPage } from "@/features/gallery/gallery-page";
import { gallerySearchSchema, toListQuery } from "@/features/gallery/search";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/trash")({
  staticData: { i18n: ["gallery"] },
  head: titledKey("trash"),
  validateSearch: gallerySearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => loadImageList(context.queryClient, toListQuery(deps, "trash")),
  component: Trash,
});

function Trash() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <GalleryPage
      mode="trash"
      search={search}
      onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
      extra={<TrashControls />}
    />
  );
}
