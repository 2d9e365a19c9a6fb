import { zodResolver } from "@hookform/resolvers/zod";
import { emailOnlyRequestSchema } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { forgotPassword } from "../api/auth";
import { AuthLayout } from "./auth-layout";

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof emailOnlyRequestSchema>>({
    resolver: zodResolver(emailOnlyRequestSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await forgotPassword(email);
      setSentTo(email);
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["email"]);
      if (message) setFormError(message);
    }
  });

  const footer = (
    <Link to="/sign-in" className="font-medium text-primary-strong hover:underline">
      Back to sign in
    </Link>
  );

  if (sentTo) {
    return (
      <AuthLayout
        title="Check your inbox"
        description={
          <>
            If an account exists for <span className="font-medium text-foreground">{sentTo}</span>, we've sent a link to
            choose a new password. It works once, for one hour.
          </>
        }
        footer={footer}
      >
        <div className="mx-auto grid size-14 place-items-center rounded-2xl bg-primary/15 text-primary-strong ring-1 ring-primary/25">
          <MailCheck className="size-7" aria-hidden="true" />
        </div>
        <Button variant="outline" size="lg" className="mt-6 w-full" onClick={() => setSentTo(null)}>
          Use another email
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Forgot your password?"
      description="Enter your email and we'll send you a link to choose a new one."
      footer={footer}
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && <FormAlert>{formError}</FormAlert>}
        <FormField id="email" label="Email" error={errors.email?.message}>
          <Input
            {...fieldA11y("email", errors.email?.message)}
            type="email"
            autoComplete="email"
            inputMode="email"
            autoFocus
            {...form.register("email")}
          />
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          Send reset link
        </Button>
      </form>
    </AuthLayout>
  );
}
