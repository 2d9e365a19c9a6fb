import type { ImageDetail } from "@image-studio/shared";
import { createFileRoute } from "@tanstack/react-router";
import { imageDetailOptions } from "@/features/gallery/api/queries";
import { ImagePage } from "@/features/gallery/components/image-page/image-page";
import { IterationDock } from "@/features/iteration/components/iteration-jobs";
import { QuickIterate } from "@/features/iteration/components/quick-iterate";

export const Route = createFileRoute("/_app/images/$imageId")({
  loader: ({ context, params }) => context.queryClient.prefetchQuery(imageDetailOptions(params.imageId)),
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
