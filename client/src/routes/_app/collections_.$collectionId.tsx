import { createFileRoute } from "@tanstack/react-router";
import { collectionOptions } from "@/features/collections/api";
import { CollectionPage } from "@/features/collections/collection-page";

export const Route = createFileRoute("/_app/collections_/$collectionId")({
  loader: ({ context, params }) => context.queryClient.prefetchQuery(collectionOptions(params.collectionId)),
  component: CollectionRoute,
});

function CollectionRoute() {
  const { collectionId } = Route.useParams();
  return <CollectionPage collectionId={collectionId} />;
}
