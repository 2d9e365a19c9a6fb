import { handleSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldClasses } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { publicProfileOptions, useUpdatePublicProfile } from "../api";

/** Settings → Privacy → Public profile: the handle of `/u/:handle` and whether published images show prompts. */
export function PublicProfileSection() {
  const profile = useQuery(publicProfileOptions);
  const save = useUpdatePublicProfile();
  // What the user typed; until then, the saved handle.
  const [draft, setHandle] = useState<string | null>(null);
  const handle = draft ?? profile.data?.handle ?? "";
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = handleSchema.safeParse(handle);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a valid handle");
    setError(null);
    save.mutate({ handle: parsed.data }, { onSuccess: () => setHandle(null), onError: (err) => setError(err instanceof ApiError ? err.message : "Could not save. Try again.") });
  };
  const disabled = !profile.data || save.isPending;
  return (
    <Card id="public-profile" role="region" aria-labelledby="public-profile-title" className="max-w-3xl scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2 id="public-profile-title" className="text-base font-semibold">
            Public profile
          </h2>
        </CardTitle>
        <CardDescription>Images you publish from their page show on your public profile and the community page. Everything else stays private.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
      <form onSubmit={submit} className="grid gap-1.5 sm:grid-cols-[minmax(0,14rem)_1fr] sm:items-start sm:gap-4" noValidate>
        <div className="grid gap-0.5">
          <label htmlFor="public-handle" className="text-sm font-medium">
            Handle
          </label>
          <p id="public-handle-hint" className="text-xs text-muted-foreground">
            Your public gallery lives at /u/&lt;handle&gt;. Lower-case letters, digits, - and _.
          </p>
        </div>
        <div className="grid gap-1.5">
          <div className="flex gap-2">
            <input
              id="public-handle"
              value={handle}
              onChange={(e) => setHandle(e.target.value)}
              maxLength={30}
              autoComplete="off"
              aria-invalid={!!error}
              aria-describedby={error ? "public-handle-error" : "public-handle-hint"}
              className={cn(fieldClasses, "h-10 min-w-0 flex-1")}
            />
            <Button type="submit" disabled={disabled || handle.trim() === (profile.data?.handle ?? "")}>
              Save handle
            </Button>
          </div>
          {error && (
            <p id="public-handle-error" role="alert" className="text-sm text-destructive-strong">
              {error}
            </p>
          )}
          {profile.data?.url && (
            <p className="text-sm text-foreground/80">
              {profile.data.publishedCount} published ·{" "}
              <a href={profile.data.url} className="font-medium text-primary-strong underline-offset-4 hover:underline">
                View your public profile
              </a>
            </p>
          )}
        </div>
      </form>
      <div className="grid gap-1.5 sm:grid-cols-[minmax(0,14rem)_1fr] sm:items-center sm:gap-4">
        <div className="grid gap-0.5">
          <label htmlFor="public-show-prompt" className="text-sm font-medium">
            Show prompts on published images
          </label>
          <p id="public-show-prompt-hint" className="text-xs text-muted-foreground">
            Visitors see the prompt, model and settings of the images you publish. Never your email or account.
          </p>
        </div>
        <div>
          <Switch id="public-show-prompt" checked={profile.data?.showPrompt ?? false} disabled={disabled} onCheckedChange={(v) => save.mutate({ showPrompt: v })} aria-describedby="public-show-prompt-hint" />
        </div>
      </div>
      </CardContent>
    </Card>
  );
}
