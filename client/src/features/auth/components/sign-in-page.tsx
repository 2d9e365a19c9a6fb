import { zodResolver } from "@hookform/resolvers/zod";
import { loginRequestSchema } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { refreshSession, safeRedirect } from "@/lib/session";
import { login } from "../api/auth";
import { AuthLayout } from "./auth-layout";
import { OAuthButtons } from "./oauth-buttons";
import { TwoFactorStep } from "./two-factor-step";

const schema = loginRequestSchema.pick({ email: true, password: true, rememberMe: true });
type Values = z.input<typeof schema>;

const OAUTH_ERRORS: Record<string, string> = {
  account_not_linked:
    "That GitHub/Google account isn't linked to an Image Studio account yet. Sign in with your password, then connect it in Settings.",
  banned: "This account has been suspended.",
};

export function SignInPage({ redirect, oauthError }: { redirect?: string; oauthError?: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = safeRedirect(redirect);
  const [twoFactor, setTwoFactor] = useState<{ email: string; methods: string[] } | null>(null);
  const [formError, setFormError] = useState<{ message: string; reason?: string; email?: string } | null>(
    oauthError
      ? {
          message:
            OAUTH_ERRORS[oauthError] ?? "Signing in with that provider didn't work. Try again or use your password.",
        }
      : null,
  );
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "", rememberMe: true },
  });
  const { errors, isSubmitting } = form.formState;

  const finish = async () => {
    await refreshSession(queryClient);
    toast.success("Welcome back!");
    await navigate({ to: target });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const res = await login(values);
      if (res.twoFactorRequired) setTwoFactor({ email: values.email, methods: res.methods });
      else await finish();
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["email", "password"]);
      if (message) setFormError({ message, reason: errorReason(err), email: values.email });
    }
  });

  if (twoFactor) {
    return (
      <AuthLayout
        title="Two-factor authentication"
        description={`Enter the 6-digit code from your authenticator app for ${twoFactor.email}.`}
      >
        <TwoFactorStep onDone={finish} onCancel={() => setTwoFactor(null)} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Sign in"
      description="Welcome back to your studio."
      footer={
        <>
          New to Image Studio?{" "}
          <Link
            to="/sign-up"
            search={redirect ? { redirect } : {}}
            className="font-medium text-primary-strong hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {formError && (
          <FormAlert title={formError.reason === "EMAIL_NOT_VERIFIED" ? "Confirm your email first" : undefined}>
            {formError.message}
            {formError.reason === "EMAIL_NOT_VERIFIED" && (
              <>
                {" "}
                <Link
                  to="/verify-email"
                  search={{ email: formError.email }}
                  className="font-medium text-primary-strong underline underline-offset-4"
                >
                  Resend the link
                </Link>
              </>
            )}
          </FormAlert>
        )}
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
        <FormField
          id="password"
          label="Password"
          error={errors.password?.message}
          aside={
            <Link to="/forgot-password" className="text-xs font-medium text-primary-strong hover:underline">
              Forgot password?
            </Link>
          }
        >
          <PasswordInput
            {...fieldA11y("password", errors.password?.message)}
            autoComplete="current-password"
            {...form.register("password")}
          />
        </FormField>
        <div className="flex items-center gap-2">
          <Controller
            control={form.control}
            name="rememberMe"
            render={({ field }) => (
              <Checkbox
                id="remember-me"
                checked={field.value ?? true}
                onCheckedChange={(v) => field.onChange(v === true)}
              />
            )}
          />
          <Label htmlFor="remember-me" className="font-normal">
            Keep me signed in on this device
          </Label>
        </div>
        <Button type="submit" size="lg" loading={isSubmitting}>
          Sign in
        </Button>
      </form>
      <OAuthButtons redirectTo={target} />
    </AuthLayout>
  );
}
