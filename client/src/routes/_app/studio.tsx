import { createFileRoute } from "@tanstack/react-router";
import { Sparkles } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const Route = createFileRoute("/_app/studio")({
  component: StudioPage,
});

function StudioPage() {
  return (
    <>
      <PageHeader title="Studio" />
      <EmptyState icon={Sparkles} title="Generate your first image" description="Pick a model, describe what you want to see, and generate. The studio opens here." />
    </>
  );
}
