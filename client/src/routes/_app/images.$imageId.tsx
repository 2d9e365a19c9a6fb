import { createFileRoute } from "@tanstack/react-router";
import { imageDetailOptions } from "@/features/gallery/api/queries";
import { ImagePage } from "@/features/gallery/components/image-page/image-page";
import { QuickIterate } from "@/features/iteration/components/quick-iterate";

export const Route = createFileRoute("/_app/images/$imageId")({
  loader: ({ context, params }) => context.queryClient.prefetchQuery(imageDetailOptions(params.imageId)),
  component: ImageRoute,
});

function ImageRoute() {
  const { imageId } = Route.useParams();
  return <ImagePage key={imageId} imageId={imageId} iterate={(image) => <QuickIterate image={{ id: image.id, width: image.width, height: image.height, prompt: image.prompt, src: image.urls.preview }} />} />;
}
