import type { ImageDetail } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { imageDetailOptions } from "@/features/gallery/api/queries";
import { ImagePage } from "@/features/gallery/components/image-page/image-page";
import { IterationDock } from "@/features/iteration/components/iteration-jobs";
import { QuickIterate } from "@/features/iteration/components/quick-iterate";
import { VideoPanel } from "@/features/video/components/video-panel";
import { ShareButton } from "@/features/share/components/share-dialog";
import { PublishToggle } from "@/features/community/components/publish-toggle";
import { EditButton } from "@/features/image-edit/components/edit-dialog";
import { projectAccessOptions } from "@/features/teams/api";
import { titleHead, titleText } from "@/app/page-title";

export const Route = createFileRoute("/_app/images/$imageId")({
  staticData: { i18n: ["community", "gallery", "image-edit", "iteration", "share", "video"] },
  loader: async ({ context, params }) => {
    await context.queryClient.prefetchQuery(imageDetailOptions(params.imageId));
    // The prompt names the page (the tab, history and task switcher).
    const image = context.queryClient.getQueryData(imageDetailOptions(params.imageId).queryKey);
    return { title: image ? image.prompt || titleText("untitledImage") : titleText("image") };
  },
  head: ({ loaderData }) => titleHead(loaderData?.title ?? titleText("image")),
  component: ImageRoute,
});

function ImageRoute() {
  const { imageId } = Route.useParams();
  return (
    <>
      <ImagePage
        key={imageId}
        imageId={imageId}
        iterate={(image) => (image.mediaType === "video" ? null : <IterateSlot image={image} />)}
        video={(image) => <VideoPanel image={image} />}
        share={(image) => (
          <>
            <ShareButton kind="image" targetId={image.id} name={image.altText || undefined} />
            <PublishToggle key={`${image.id}:${image.isPublic}`} imageId={image.id} isPublic={image.isPublic} />
          </>
        )}
      />
      <IterationDock sourceId={imageId} />
    </>
  );
}

/**
 * Edit and iterate, by the caller's role on the image's project: the owner gets both; a team editor or admin
 * iterates (charged to them, the result stays in the project); a viewer gets neither (the server would 404).
 */
function IterateSlot({ image }: { image: ImageDetail }) {
  const { data: access } = useQuery({ ...projectAccessOptions(image.projectId ?? ""), enabled: Boolean(image.projectId) });
  const role = (image.projectId && access?.myRole) || "owner";
  return (
    <>
      {role === "owner" && <EditButton image={{ id: image.id, width: image.width, height: image.height, src: image.urls.preview, altText: image.altText }} />}
      {role !== "viewer" && <QuickIterate image={iterable(image)} />}
    </>
  );
}

/** What the iteration tools need from the image page's detail (run again uses the settings and seed). */
function iterable(image: ImageDetail) {
  const { id, width, height, prompt, negativePrompt, modelId, operation, parameters } = image;
  return { id, width, height, prompt, negativePrompt, modelId, operation, parameters, src: image.urls.preview };
}
