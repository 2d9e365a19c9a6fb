import { handleSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldClasses } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { publicProfileOptions, useUpdatePublicProfile } from "../api";

/** Settings → Privacy → Public profile: the handle of `/u/:handle` and whether published images show prompts. */
export function PublicProfileSection() {
  const { t } = useTranslation("community");
  const profile = useQuery(publicProfileOptions);
  const save = useUpdatePublicProfile();
  // What the user typed; until then, the saved handle.
  const [draft, setHandle] = useState<string | null>(null);
  const handle = draft ?? profile.data?.handle ?? "";
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = handleSchema.safeParse(handle);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? t("profile.invalidHandle"));
    setError(null);
    save.mutate({ handle: parsed.data }, { onSuccess: () => setHandle(null), onError: (err) => setError(err instanceof ApiError ? err.message : t("profile.saveFailed")) });
  };
  const disabled = !profile.data || save.isPending;
  return (
    <Card id="public-profile" role="region" aria-labelledby="public-profile-title" className="max-w-3xl scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2 id="public-profile-title" className="text-base font-semibold">
            {t("profile.title")}
          </h2>
        </CardTitle>
        <CardDescription>{t("profile.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
      <form onSubmit={submit} className="grid gap-1.5 sm:grid-cols-[minmax(0,14rem)_1fr] sm:items-start sm:gap-4" noValidate>
        <div className="grid gap-0.5">
          <label htmlFor="public-handle" className="text-sm font-medium">
            {t("profile.handle")}
          </label>
          <p id="public-handle-hint" className="text-xs text-muted-foreground">
            {t("profile.handleHint")}
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
              {t("profile.saveHandle")}
            </Button>
          </div>
          {error && (
            <p id="public-handle-error" role="alert" className="text-sm text-destructive-strong">
              {error}
            </p>
          )}
          {profile.data?.url && (
            <p className="text-sm text-foreground/80">
              <Trans
                t={t}
                i18nKey="profile.publishedLink"
                count={profile.data.publishedCount}
                components={{ a: <a href={profile.data.url} className="font-medium text-primary-strong underline-offset-4 hover:underline" /> }}
              />
            </p>
          )}
        </div>
      </form>
      <div className="grid gap-1.5 sm:grid-cols-[minmax(0,14rem)_1fr] sm:items-center sm:gap-4">
        <div className="grid gap-0.5">
          <label htmlFor="public-show-prompt" className="text-sm font-medium">
            {t("profile.showPrompt")}
          </label>
          <p id="public-show-prompt-hint" className="text-xs text-muted-foreground">
            {t("profile.showPromptHint")}
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
