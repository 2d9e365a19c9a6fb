import type { LoginRequest, LoginResponse, MeUser, RegisterRequest } from "@image-studio/shared";
import { api } from "@/lib/api";
import { authClient, authResult } from "@/lib/auth-client";

/** The account flows of the sign-in pages, over the documented /api/auth/* routes. */

export const register = (body: RegisterRequest) =>
  api<{ email: string; verificationSent: boolean; message: string }>("/api/auth/register", {
    method: "POST",
    body: { ...body },
  });

export const login = (body: LoginRequest) =>
  api<LoginResponse>("/api/auth/login", { method: "POST", body: { ...body } });

export const verifyEmail = (token: string) =>
  api<{ verified: true; user: MeUser }>("/api/auth/verify-email", { method: "POST", body: { token } });

export const resendVerification = (email: string) =>
  api<{ ok: true; message: string }>("/api/auth/resend-verification", { method: "POST", body: { email } });

export const forgotPassword = (email: string) =>
  api<{ ok: true; message: string }>("/api/auth/forgot-password", { method: "POST", body: { email } });

export const resetPassword = (token: string, password: string) =>
  api<{ ok: true; message: string }>("/api/auth/reset-password", { method: "POST", body: { token, password } });

/** Second sign-in step: an authenticator code or a backup code (the two-factor cookie from step one goes along). */
export const verifyTotp = (code: string, trustDevice: boolean) =>
  authResult(authClient.twoFactor.verifyTotp({ code, trustDevice }));
export const verifyBackupCode = (code: string, trustDevice: boolean) =>
  authResult(authClient.twoFactor.verifyBackupCode({ code, trustDevice }));

/** Starts GitHub/Google sign-in: the browser leaves for the provider and comes back to `callbackURL`. */
export const signInWithProvider = (provider: "github" | "google", callbackURL: string) =>
  authResult(
    authClient.signIn.social({ provider, callbackURL, errorCallbackURL: "/sign-in", newUserCallbackURL: "/dashboard" }),
  );
