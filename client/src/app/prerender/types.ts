/** The prerendered pages' data (entry.tsx makes it, server/src/lib/static.ts reads it). */
/** What the server knows when it answers: the parts of the auth config a prerendered page shows. */
export interface PrerenderConfig {
  devMailbox: boolean;
  github: boolean;
  google: boolean;
}

/**
 * The variants' key. A signed-out page: "dev-mailbox, GitHub, Google" as three bits ("101"); a signed-in frame shows
 * only the dev-mail banner: one bit ("1"). Same rule in server/src/lib/static.ts.
 */
export const configKey = (c: PrerenderConfig, signedIn = false) =>
  signedIn ? `${+c.devMailbox}` : `${+c.devMailbox}${+c.github}${+c.google}`;

export interface PrerenderedPage {
  /** The document's title, keyed by language. */
  title: Record<string, string>;
  /** Markup for `#root`, keyed by language, then by configKey. */
  markup: Record<string, Record<string, string>>;
  /**
   * A signed-in page's frame (the layout and the page's first screen before its data), answered only to a request
   * with a valid session; it holds two copies, `[data-frame=full]` and `[data-frame=rail]`, one per sidebar state.
   */
  signedIn?: true;
}
