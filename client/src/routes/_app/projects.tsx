import { createFileRoute } from "@tanstack/react-router";
import { FolderKanban } from "lucide-react";
import { PageHeader } from "@/app/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const Route = createFileRoute("/_app/projects")({
  component: ProjectsPage,
});

function ProjectsPage() {
  return (
    <>
      <PageHeader title="Projects" />
      <EmptyState icon={FolderKanban} title="No projects yet" description="Projects keep related generations together, with their own default model and settings." />
    </>
  );
}
