/** The only reader of import.meta.env in the client. */
export const clientEnv = {
  dev: import.meta.env.DEV,
  mode: import.meta.env.MODE,
  /** Where the built files are served from ("/"). */
  base: import.meta.env.BASE_URL,
  version: (import.meta.env.VITE_APP_VERSION as string | undefined) ?? "0.1.0",
} as const;
