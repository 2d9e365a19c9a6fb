import { createFileRoute } from "@tanstack/react-router";
import { LightboxExtrasContext } from "@/components/lightbox/lightbox-extras";
import { collectionOptions } from "@/features/collections/api";
import { CollectionPage } from "@/features/collections/collection-page";
import { lightboxIterate } from "@/features/iteration/components/lightbox-iterate";

export const Route = createFileRoute("/_app/collections_/$collectionId")({
  loader: ({ context, params }) => context.queryClient.prefetchQuery(collectionOptions(params.collectionId)),
  component: CollectionRoute,
});

function CollectionRoute() {
  const { collectionId } = Route.useParams();
  return (
    <LightboxExtrasContext value={lightboxIterate}>
      <CollectionPage collectionId={collectionId} />
    </LightboxExtrasContext>
  );
}
