/** The prerendered signed-out pages' data (entry.tsx makes it, server/src/lib/static.ts reads it). */
/** What the server knows when it answers: the parts of the auth config a signed-out page shows. */
export interface PrerenderConfig {
  devMailbox: boolean;
  github: boolean;
  google: boolean;
}

/** The variants' key: "dev-mailbox, GitHub, Google" as three bits ("101"). Same rule in server/src/lib/static.ts. */
export const configKey = (c: PrerenderConfig) => `${+c.devMailbox}${+c.github}${+c.google}`;

export interface PrerenderedPage {
  /** The document's title, keyed by language. */
  title: Record<string, string>;
  /** Markup for `#root`, keyed by language, then by configKey. */
  markup: Record<string, Record<string, string>>;
}
