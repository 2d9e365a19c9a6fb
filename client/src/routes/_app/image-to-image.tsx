import { createFileRoute } from "@tanstack/react-router";
import { num, searchParams, uuid } from "@/lib/search-params";
import { ImageToImagePage } from "@/features/iteration/components/image-to-image-page";
import { titledKey } from "@/app/page-title";

const search = searchParams({
  /** Set by the service worker after a picture was shared to the installed app. */
  shared: num({ coerce: true }),
  image: uuid,
});

export const Route = createFileRoute("/_app/image-to-image")({
  staticData: { i18n: ["iteration"] },
  head: titledKey("imageToImage"),
  validateSearch: search,
  component: ImageToImageRoute,
});

function ImageToImageRoute() {
  const { shared, image } = Route.useSearch();
  return <ImageToImagePage shared={shared === 1} imageId={image} />;
}
