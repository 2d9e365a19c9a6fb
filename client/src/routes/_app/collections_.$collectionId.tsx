import { createFileRoute } from "@tanstack/react-router";
import { LightboxExtrasContext } from "@/components/lightbox/lightbox-extras";
import { collectionOptions } from "@/features/collections/api";
import { CollectionPage } from "@/features/collections/collection-page";
import { lightboxIterateOnOpen } from "@/features/iteration/components/lightbox-iterate-on-open";
import { ShareButton } from "@/features/share/components/share-dialog";
import { titleHead, titleText } from "@/app/page-title";

export const Route = createFileRoute("/_app/collections_/$collectionId")({
  staticData: { i18n: ["collections", "iteration", "share"] },
  loader: async ({ context, params }) => {
    await context.queryClient.prefetchQuery(collectionOptions(params.collectionId));
    return {
      title: context.queryClient.getQueryData(collectionOptions(params.collectionId).queryKey)?.name ?? titleText("collection"),
    };
  },
  head: ({ loaderData }) => titleHead(loaderData?.title ?? titleText("collection")),
  component: CollectionRoute,
});

function CollectionRoute() {
  const { collectionId } = Route.useParams();
  return (
    <LightboxExtrasContext value={lightboxIterateOnOpen}>
      <CollectionPage collectionId={collectionId} share={(name) => <ShareButton kind="collection" targetId={collectionId} name={name} />} />
    </LightboxExtrasContext>
  );
}
