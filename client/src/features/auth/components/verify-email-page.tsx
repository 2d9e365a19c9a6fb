import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CircleCheck, MailCheck, TriangleAlert } from "lucide-react";
import { useEffect } from "react";
import { DevMailboxHint } from "@/components/dev-mail-banner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api";
import { errorReason } from "@/lib/form-errors";
import { authConfigQuery, refreshSession } from "@/lib/session";
import { verifyEmail } from "../api/auth";
import { AuthLayout } from "./auth-layout";
import { ResendVerification } from "./resend-verification";

/** /verify-email — with ?token= it confirms the address; without, it's the "check your inbox" page. */
export function VerifyEmailPage({ token, email }: { token?: string; email?: string }) {
  return token ? <ConfirmToken token={token} /> : <CheckInbox email={email} />;
}

function StatusIcon({ tone }: { tone: "ok" | "warn" | "mail" }) {
  const Icon = tone === "ok" ? CircleCheck : tone === "warn" ? TriangleAlert : MailCheck;
  const color =
    tone === "ok"
      ? "text-success-strong bg-success/15 ring-success/25"
      : tone === "warn"
        ? "text-warning-strong bg-warning/15 ring-warning/25"
        : "text-primary-strong bg-primary/15 ring-primary/25";
  return (
    <div className={`mx-auto mb-5 grid size-14 place-items-center rounded-2xl ring-1 ${color}`}>
      <Icon className="size-7" aria-hidden="true" />
    </div>
  );
}

function ConfirmToken({ token }: { token: string }) {
  const queryClient = useQueryClient();
  // A query (not an effect) so the one-time token is sent once, even under StrictMode's double render.
  const result = useQuery({
    queryKey: ["auth", "verify-email", token],
    queryFn: () => verifyEmail(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  useEffect(() => {
    if (result.isSuccess) void refreshSession(queryClient);
  }, [result.isSuccess, queryClient]);

  if (result.isPending) {
    return (
      <AuthLayout title="Confirming your email…">
        <div className="flex justify-center py-6">
          <Spinner className="size-8 text-primary-strong" label="Confirming your email" />
        </div>
      </AuthLayout>
    );
  }
  if (result.isSuccess) {
    return (
      <AuthLayout
        title="Email confirmed"
        description={`Thanks, ${result.data.user.name.split(" ")[0]}! Your account is ready and you're signed in.`}
      >
        <StatusIcon tone="ok" />
        <Button asChild size="lg" className="w-full">
          <Link to="/dashboard">Continue to your studio</Link>
        </Button>
      </AuthLayout>
    );
  }
  const err = result.error;
  if (err instanceof ApiError && errorReason(err) === "ALREADY_VERIFIED") {
    return (
      <AuthLayout title="Already confirmed" description="This email address is already confirmed. Sign in to continue.">
        <StatusIcon tone="ok" />
        <Button asChild size="lg" className="w-full">
          <Link to="/sign-in">Sign in</Link>
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="This link didn't work"
      description={err instanceof Error ? err.message : "The confirmation link is invalid or has expired."}
    >
      <StatusIcon tone="warn" />
      <p className="mb-4 text-center text-sm text-muted-foreground">Enter your email and we'll send a fresh link.</p>
      <ResendVerification />
    </AuthLayout>
  );
}

function CheckInbox({ email }: { email?: string }) {
  const { data: config } = useQuery(authConfigQuery);
  return (
    <AuthLayout
      title="Check your inbox"
      description={
        email ? (
          <>
            We sent a confirmation link to <span className="font-medium text-foreground">{email}</span>. Open it to
            finish setting up your account.
          </>
        ) : (
          "We sent you a confirmation link. Open it to finish setting up your account."
        )
      }
      footer={
        <Link to="/sign-in" className="font-medium text-primary-strong hover:underline">
          Back to sign in
        </Link>
      }
    >
      <StatusIcon tone="mail" />
      {config?.devMailbox && (
        <>
          <Button asChild variant="secondary" size="lg" className="mb-2 w-full">
            <Link to="/dev/mailbox">Open the dev mailbox</Link>
          </Button>
          <DevMailboxHint className="mb-4 text-center" />
        </>
      )}
      <p className="mb-3 text-center text-sm text-muted-foreground">
        Nothing arrived? Check your spam folder, or send it again.
      </p>
      <ResendVerification email={email} />
    </AuthLayout>
  );
}
