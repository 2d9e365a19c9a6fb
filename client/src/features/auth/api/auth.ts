import type { LoginRequest, LoginResponse, MeUser, RegisterRequest } from "@image-studio/shared";
import { currentLocale } from "@/i18n";
import { call, rpc } from "@/lib/rpc";
import { authClient, authResult } from "@/lib/auth-client";

/** The account flows of the sign-in pages, over the documented /api/auth/* routes. */

/** Registers; the account starts in the app's current language. */
export const register = (body: RegisterRequest): Promise<{ email: string; verificationSent: boolean; message: string }> =>
  call(rpc.auth.register.$post({ json: { ...body, language: body.language ?? currentLocale() } }));

export const login = (body: LoginRequest): Promise<LoginResponse> => call(rpc.auth.login.$post({ json: body }));

export const verifyEmail = (token: string): Promise<{ verified: true; user: MeUser }> =>
  call(rpc.auth["verify-email"].$post({ json: { token } }));

export const resendVerification = (email: string): Promise<{ ok: true; message: string }> =>
  call(rpc.auth["resend-verification"].$post({ json: { email } }));

export const forgotPassword = (email: string): Promise<{ ok: true; message: string }> =>
  call(rpc.auth["forgot-password"].$post({ json: { email } }));

export const resetPassword = (token: string, password: string): Promise<{ ok: true; message: string }> =>
  call(rpc.auth["reset-password"].$post({ json: { token, password } }));

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
