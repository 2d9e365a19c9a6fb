import { zodResolver } from "@hookform/resolvers/zod";
import { LIMITS, resetPasswordFormSchema } from "@image-studio/shared";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { resetPassword } from "../api/auth";
import { AuthLayout } from "./auth-layout";

type Values = z.input<typeof resetPasswordFormSchema>;

export function ResetPasswordPage({ token }: { token?: string }) {
  const navigate = useNavigate();
  const [formError, setFormError] = useState<{ message: string; badLink: boolean } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      const res = await resetPassword(token ?? "", password);
      toast.success(res.message);
      await navigate({ to: "/sign-in" });
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["password"]);
      if (message)
        setFormError({
          message,
          badLink: errorReason(err) === "INVALID_TOKEN" || errorReason(err) === "TOKEN_EXPIRED",
        });
    }
  });

  const footer = (
    <Link to="/sign-in" className="font-medium text-primary-strong hover:underline">
      Back to sign in
    </Link>
  );

  if (!token) {
    return (
      <AuthLayout
        title="This link is incomplete"
        description="Open the link from the email again, or ask for a new one."
        footer={footer}
      >
        <Button asChild size="lg" className="w-full">
          <Link to="/forgot-password">Send a new link</Link>
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      description="Setting a new password signs you out on all other devices."
      footer={footer}
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && (
          <FormAlert>
            {formError.message}
            {formError.badLink && (
              <>
                {" "}
                <Link to="/forgot-password" className="font-medium text-primary-strong underline underline-offset-4">
                  Send a new link
                </Link>
              </>
            )}
          </FormAlert>
        )}
        <FormField
          id="password"
          label="New password"
          error={errors.password?.message}
          hint={`At least ${LIMITS.passwordMinLength} characters.`}
        >
          <PasswordInput
            {...fieldA11y("password", errors.password?.message, "hint")}
            autoComplete="new-password"
            autoFocus
            {...form.register("password")}
          />
        </FormField>
        <FormField id="confirmPassword" label="Repeat new password" error={errors.confirmPassword?.message}>
          <PasswordInput
            {...fieldA11y("confirmPassword", errors.confirmPassword?.message)}
            autoComplete="new-password"
            {...form.register("confirmPassword")}
          />
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          Set new password
        </Button>
      </form>
    </AuthLayout>
  );
}
