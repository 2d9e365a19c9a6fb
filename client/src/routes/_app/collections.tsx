import { createFileRoute } from "@tanstack/react-router";
import { collectionListOptions } from "@/features/collections/api";
import { CollectionsPage } from "@/features/collections/collections-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/collections")({
  staticData: { i18n: ["collections"] },
  head: titledKey("collections"),
  loader: ({ context }) => context.queryClient.prefetchQuery(collectionListOptions()),
  component: CollectionsPage,
});
