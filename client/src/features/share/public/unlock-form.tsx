import { zodResolver } from "@hookform/resolvers/zod";
import { shareUnlockSchema } from "@image-studio/shared";
import { LockKeyhole } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api";
import { unlockShare } from "../api";

/**
 * The password form of a protected link: the password goes to the server once and comes back as a short-lived
 * cookie scoped to this link, so the pictures load without it in any URL.
 */
export function UnlockForm({ token, onUnlocked }: { token: string; onUnlocked: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof shareUnlockSchema>>({ resolver: zodResolver(shareUnlockSchema), defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await unlockShare(token, password);
      onUnlocked();
    } catch (err) {
      if (err instanceof ApiError && err.code === "SHARE_PASSWORD_REQUIRED") form.setError("password", { type: "server", message: "That password is not right. Try again." });
      else setError(err instanceof Error ? err.message : "Could not unlock this link.");
    }
  });
  const passwordError = errors.password?.message;
  return (
    <section aria-labelledby="unlock-title" className="mx-auto mt-10 w-full max-w-sm animate-slide-in rounded-2xl border border-border bg-card p-6 shadow-xl sm:p-8">
      <div className="mx-auto mb-4 grid size-14 place-items-center rounded-2xl bg-linear-to-br from-primary/15 to-accent/15 ring-1 ring-primary/25">
        <LockKeyhole className="size-7 text-primary-strong" aria-hidden="true" />
      </div>
      <h1 id="unlock-title" className="text-center text-xl font-bold tracking-tight">
        This share is protected
      </h1>
      <p className="mt-1.5 mb-6 text-center text-sm text-muted-foreground">Enter the password you were given to see the pictures.</p>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {error && <FormAlert>{error}</FormAlert>}
        <FormField id="share-password" label="Password" error={passwordError}>
          <PasswordInput autoComplete="off" autoFocus {...fieldA11y("share-password", passwordError)} {...form.register("password")} />
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          Unlock
        </Button>
      </form>
    </section>
  );
}
