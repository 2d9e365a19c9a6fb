import type { MeUser, SessionInfo, StorageUsage, UpdateProfileRequest } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, formBody, rpc, saveFile } from "@/lib/rpc";
import { authClient, authResult } from "@/lib/auth-client";

export const accountKeys = {
  sessions: ["account", "sessions"] as const,
  linked: ["account", "linked-accounts"] as const,
};

// ---- profile, password ----

export const updateProfile = (body: UpdateProfileRequest): Promise<{ user: MeUser }> =>
  call(rpc.auth.profile.$put({ json: body }));

export const changePassword = (currentPassword: string, newPassword: string): Promise<{ ok: true; message: string }> =>
  call(rpc.auth["change-password"].$put({ json: { currentPassword, newPassword } }));

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
  return call(rpc.avatar.index.$post(undefined, formBody(form))) as Promise<{ image: string }>;
}

export const removeAvatar = () => call(rpc.avatar.index.$delete());

// ---- sessions ----

export const sessionsQuery = queryOptions({
  queryKey: accountKeys.sessions,
  queryFn: async (): Promise<SessionInfo[]> => (await call(rpc.account.sessions.$get())).items,
  staleTime: 15_000,
});

export const revokeSession = (id: string): Promise<{ ok: true; signedOut: boolean }> =>
  call(rpc.account.sessions[":id"].$delete({ param: { id } }));
export const revokeOtherSessions = (): Promise<{ revoked: number }> => call(rpc.account.sessions["revoke-others"].$post());
export const revokeAllSessions = (): Promise<{ revoked: number }> => call(rpc.account.sessions["revoke-all"].$post());

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
export const downloadExport = () => saveFile(rpc.account.export.$get(), "image-studio-export.json");

export const deleteAccount = (body: { password?: string; confirm: "DELETE" }): Promise<{ ok: true; message: string }> =>
  call(rpc.account.delete.$post({ json: body }));

// ---- guests: "Save your work — create an account" ----

export interface GuestUpgradeResult {
  email: string;
  verificationSent: true;
  message: string;
}

/** The guest's own account gets the email, name and password; the link in the mail finishes it. */
export const upgradeGuest = (body: { name: string; email: string; password: string }): Promise<GuestUpgradeResult> =>
  call(rpc.guest.upgrade.$post({ json: body }));

// ---- storage on the server ----

export const storageUsageQuery = queryOptions({
  queryKey: ["usage", "storage"] as const,
  queryFn: (): Promise<StorageUsage> => call(rpc.storage.storage.$get()),
  staleTime: 30_000,
});
