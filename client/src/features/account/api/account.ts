import type { MeUser, SessionInfo, StorageUsage, UpdateProfileRequest } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api";
import { authClient, authResult } from "@/lib/auth-client";

export const accountKeys = {
  sessions: ["account", "sessions"] as const,
  linked: ["account", "linked-accounts"] as const,
};

// ---- profile, password ----

export const updateProfile = (body: UpdateProfileRequest) =>
  api<{ user: MeUser }>("/api/auth/profile", { method: "PUT", body: { ...body } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<{ ok: true; message: string }>("/api/auth/change-password", {
    method: "PUT",
    body: { currentPassword, newPassword },
  });

export interface CropRect {
  x: number;
  y: number;
  size: number;
}

export function uploadAvatar(file: Blob, crop?: CropRect) {
  const form = new FormData();
  form.set("file", file, file instanceof File ? file.name : "avatar");
  if (crop) {
    form.set("cropX", String(Math.round(crop.x)));
    form.set("cropY", String(Math.round(crop.y)));
    form.set("cropSize", String(Math.round(crop.size)));
  }
  return api<{ image: string }>("/api/account/avatar", { method: "POST", body: form });
}

export const removeAvatar = () => api<{ ok: true }>("/api/account/avatar", { method: "DELETE" });

// ---- sessions ----

export const sessionsQuery = queryOptions({
  queryKey: accountKeys.sessions,
  queryFn: async () => (await api<{ items: SessionInfo[] }>("/api/account/sessions")).items,
  staleTime: 15_000,
});

export const revokeSession = (id: string) =>
  api<{ ok: true; signedOut: boolean }>(`/api/account/sessions/${id}`, { method: "DELETE" });
export const revokeOtherSessions = () =>
  api<{ revoked: number }>("/api/account/sessions/revoke-others", { method: "POST" });
export const revokeAllSessions = () => api<{ revoked: number }>("/api/account/sessions/revoke-all", { method: "POST" });

// ---- two-factor (Better Auth's endpoints) ----

export const startTwoFactor = (password: string) => authResult(authClient.twoFactor.enable({ password }));
export const confirmTwoFactor = (code: string) => authResult(authClient.twoFactor.verifyTotp({ code }));
export const disableTwoFactor = (password: string) => authResult(authClient.twoFactor.disable({ password }));
export const regenerateBackupCodes = (password: string) =>
  authResult(authClient.twoFactor.generateBackupCodes({ password }));

// ---- connected accounts ----

export interface LinkedAccount {
  id: string;
  providerId: string;
  accountId: string;
  createdAt: string | Date;
}

export const linkedAccountsQuery = queryOptions({
  queryKey: accountKeys.linked,
  queryFn: () => authResult(authClient.listAccounts()) as Promise<LinkedAccount[]>,
  staleTime: 30_000,
});

export const linkProvider = (provider: "github" | "google") =>
  authResult(authClient.linkSocial({ provider, callbackURL: "/settings?tab=account" }));
/** `id` is the linked account row's id (from the list). Needs a recent sign-in (Better Auth's fresh-session rule). */
export const unlinkAccount = (id: string) => authResult(authClient.unlinkAccount({ accountId: id }));

// ---- data export and deletion ----

/** Downloads the account's data export as a JSON file. */
export async function downloadExport() {
  const res = await fetch("/api/account/export", {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!res.ok) await unwrap(Promise.resolve(res));
  const blob = await res.blob();
  const name =
    /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "image-studio-export.json";
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const deleteAccount = (body: { password?: string; confirm: "DELETE" }) =>
  api<{ ok: true; message: string }>("/api/account/delete", { method: "POST", body: { ...body } });

// ---- guests: "Save your work — create an account" ----

export interface GuestUpgradeResult {
  email: string;
  verificationSent: true;
  message: string;
}

/** The guest's own account gets the email, name and password; the link in the mail finishes it. */
export const upgradeGuest = (body: { name: string; email: string; password: string }) =>
  api<GuestUpgradeResult>("/api/auth/guest/upgrade", { method: "POST", body });

// ---- storage on the server ----

export const storageUsageQuery = queryOptions({
  queryKey: ["usage", "storage"] as const,
  queryFn: () => api<StorageUsage>("/api/usage/storage"),
  staleTime: 30_000,
});
