import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ImageToImagePage } from "@/features/iteration/components/image-to-image-page";
import { titledKey } from "@/app/page-title";

const search = z.object({
  /** Set by the service worker after a picture was shared to the installed app. */
  shared: z.coerce.number().optional().catch(undefined),
  image: z.uuid().optional().catch(undefined),
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
