import { createFileRoute } from "@tanstack/react-router";
import { titleHead, titleText } from "@/app/page-title";
import { ModelPage } from "@/features/models/components/model-page";
import { modelsQuery } from "@/lib/models";

/** /models/<catalog id>: ids contain slashes (fal-ai/flux/dev), so the page takes the rest of the path. */
export const Route = createFileRoute("/_app/models/$")({
  staticData: { i18n: ["models"] },
  loader: async ({ context, params }) => {
    const list = await context.queryClient.ensureQueryData(modelsQuery).catch(() => []);
    return { name: list.find((m) => m.id === params._splat)?.displayName ?? null };
  },
  head: ({ loaderData }) => titleHead(loaderData?.name ?? titleText("model")),
  component: ModelRoute,
});

function ModelRoute() {
  const { _splat } = Route.useParams();
  return <ModelPage id={_splat ?? ""} />;
}
