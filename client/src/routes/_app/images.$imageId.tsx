import type { ImageDetail } from "@image-studio/shared";
import { createFileRoute } from "@tanstack/react-router";
import { imageDetailOptions } from "@/features/gallery/api/queries";
import { ImagePage } from "@/features/gallery/components/image-page/image-page";
import { IterationDock } from "@/features/iteration/components/iteration-jobs";
import { QuickIterate } from "@/features/iteration/components/quick-iterate";
import { titleHead } from "@/app/page-title";

export const Route = createFileRoute("/_app/images/$imageId")({
  loader: async ({ context, params }) => {
    await context.queryClient.prefetchQuery(imageDetailOptions(params.imageId));
    // The prompt names the page (the tab, history and task switcher).
    const image = context.queryClient.getQueryData(imageDetailOptions(params.imageId).queryKey);
    return { title: image ? image.prompt || "Untitled image" : "Image" };
  },
  head: ({ loaderData }) => titleHead(loaderData?.title ?? "Image"),
  component: ImageRoute,
});

function ImageRoute() {
  const { imageId } = Route.useParams();
  return (
    <>
      <ImagePage key={imageId} imageId={imageId} iterate={(image) => <QuickIterate image={iterable(image)} />} />
      <IterationDock sourceId={imageId} />
    </>
  );
}

/** What the iteration tools need from the image page's detail (run again uses the settings and seed). */
function iterable(image: ImageDetail) {
  const { id, width, height, prompt, negativePrompt, modelId, operation, parameters } = image;
  return { id, width, height, prompt, negativePrompt, modelId, operation, parameters, src: image.urls.preview };
}
