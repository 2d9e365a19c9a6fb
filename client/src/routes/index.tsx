import { createFileRoute, redirect } from "@tanstack/react-router";

// "/" is the prerendered landing page served by the server; inside the app it means the dashboard.
export const Route = createFileRoute("/")({
  beforeLoad: () => {
    throw redirect({ to: "/dashboard" });
  },
});
