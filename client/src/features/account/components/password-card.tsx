import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordFormSchema, LIMITS, type MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { accountKeys, changePassword } from "../api/account";
import { Section } from "./section";

type Values = z.input<typeof changePasswordFormSchema>;

export function PasswordCard({ user }: { user: MeUser }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await changePassword(currentPassword, newPassword);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
      toast.success("Password changed", { description: "Your other devices were signed out." });
    } catch (err) {
      if (errorReason(err) === "INVALID_PASSWORD") {
        form.setError("currentPassword", { type: "server", message: "That isn't your current password." });
        return;
      }
      const message = applyServerErrors(err, form.setError, ["currentPassword", "newPassword"]);
      if (message) toast.error(message);
    }
  });

  if (!user.hasPassword) {
    return (
      <Section id="password" title="Password" description="You sign in with GitHub or Google.">
        <FormAlert tone="info">
          To add a password too, sign out and use{" "}
          <Link to="/forgot-password" className="font-medium text-primary-strong underline underline-offset-4">
            Forgot password
          </Link>{" "}
          with {user.email}.
        </FormAlert>
      </Section>
    );
  }

  return (
    <Section id="password" title="Password" description="Changing it signs you out on every other device.">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="current-password"
          label="Current password"
          error={errors.currentPassword?.message}
          className="sm:col-span-2"
        >
          <PasswordInput
            {...fieldA11y("current-password", errors.currentPassword?.message)}
            autoComplete="current-password"
            {...form.register("currentPassword")}
          />
        </FormField>
        <FormField
          id="new-password"
          label="New password"
          error={errors.newPassword?.message}
          hint={`At least ${LIMITS.passwordMinLength} characters.`}
        >
          <PasswordInput
            {...fieldA11y("new-password", errors.newPassword?.message, "hint")}
            autoComplete="new-password"
            {...form.register("newPassword")}
          />
        </FormField>
        <FormField id="confirm-password" label="Repeat new password" error={errors.confirmPassword?.message}>
          <PasswordInput
            {...fieldA11y("confirm-password", errors.confirmPassword?.message)}
            autoComplete="new-password"
            {...form.register("confirmPassword")}
          />
        </FormField>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" loading={isSubmitting}>
            Change password
          </Button>
        </div>
      </form>
    </Section>
  );
}
