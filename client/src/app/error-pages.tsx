import { Link, type ErrorComponentProps } from "@tanstack/react-router";
import { Compass, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function NotFoundPage() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-background p-6 text-foreground">
      <EmptyState
        icon={Compass}
        title="Page not found"
        description="The page you were looking for doesn't exist or has moved."
        action={
          <Button asChild>
            <Link to="/dashboard">Back to the dashboard</Link>
          </Button>
        }
      />
    </main>
  );
}

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <main id="main" role="alert" className="grid min-h-dvh place-items-center bg-background p-6 text-foreground">
      <EmptyState
        icon={TriangleAlert}
        title="Something went wrong"
        description={error instanceof Error ? error.message : "An unexpected error occurred."}
        action={<Button onClick={reset}>Try again</Button>}
      />
    </main>
  );
}
