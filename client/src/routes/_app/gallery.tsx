import { createFileRoute } from "@tanstack/react-router";
import { Images } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const Route = createFileRoute("/_app/gallery")({
  component: GalleryPage,
});

function GalleryPage() {
  return (
    <>
      <PageHeader title="Gallery" />
      <EmptyState icon={Images} title="No images yet" description="Every image you generate lands here, searchable by prompt, model, tags and more." />
    </>
  );
}
