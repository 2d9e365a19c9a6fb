import { createFileRoute, Outlet } from "@tanstack/react-router";
import { AppShell } from "@/app/shell/app-shell";

export const Route = createFileRoute("/_app")({
  component: () => (
    <AppShell>
      <Outlet />
    </AppShell>
  ),
});
