import { createFileRoute } from "@tanstack/react-router";
import { lineageOptions } from "@/features/iteration/api/iteration-api";
import { LineageTree } from "@/features/iteration/components/lineage-tree";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/lineage/$imageId")({
  staticData: { i18n: ["iteration"] },
  head: titledKey("familyTree"),
  loader: ({ context, params }) => context.queryClient.prefetchQuery(lineageOptions(params.imageId)),
  component: LineageRoute,
});

function LineageRoute() {
  const { imageId } = Route.useParams();
  return <LineageTree key={imageId} imageId={imageId} />;
}
