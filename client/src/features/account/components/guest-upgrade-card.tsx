import { zodResolver } from "@hookform/resolvers/zod";
import { LIMITS, registerRequestSchema } from "@image-studio/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { upgradeGuest } from "../api/account";
import { Section } from "./section";

type Values = z.input<typeof registerRequestSchema>;

/**
 * Settings → Account for a "Try demo" guest: turns this session into a full account. Same account, so every
 * image, project and job stays; the link in the confirmation mail finishes it (fal.ai models, full credits).
 */
export function GuestUpgradeCard() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(registerRequestSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await upgradeGuest(values);
      setSentTo(result.email);
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["name", "email", "password"]);
      if (message) toast.error(message);
    }
  });

  return (
    <Section
      id="save-work"
      title="Save your work — create an account"
      description="You're using a demo account: the local engine only, a small storage space, and nothing to sign in with later. Create an account to keep everything you made here."
    >
      {sentTo ? (
        <FormAlert tone="success">
          Check your inbox at <strong>{sentTo}</strong>: open the link we sent to finish. Your images stay where they
          are.
        </FormAlert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
          <FormField id="upgrade-name" label="Name" error={errors.name?.message}>
            <Input
              {...fieldA11y("upgrade-name", errors.name?.message)}
              autoComplete="name"
              {...form.register("name")}
            />
          </FormField>
          <FormField id="upgrade-email" label="Email" error={errors.email?.message}>
            <Input
              {...fieldA11y("upgrade-email", errors.email?.message)}
              type="email"
              autoComplete="email"
              {...form.register("email")}
            />
          </FormField>
          <FormField
            id="upgrade-password"
            label="Password"
            error={errors.password?.message}
            hint={`At least ${LIMITS.passwordMinLength} characters.`}
            className="sm:col-span-2"
          >
            <PasswordInput
              {...fieldA11y("upgrade-password", errors.password?.message, "hint")}
              autoComplete="new-password"
              {...form.register("password")}
            />
          </FormField>
          <div className="flex justify-end sm:col-span-2">
            <Button type="submit" loading={isSubmitting}>
              Create my account
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
