import { createFileRoute } from "@tanstack/react-router";
import { collectionListOptions } from "@/features/collections/api";
import { CollectionsPage } from "@/features/collections/collections-page";

export const Route = createFileRoute("/_app/collections")({
  loader: ({ context }) => context.queryClient.prefetchQuery(collectionListOptions()),
  component: CollectionsPage,
});
