import { useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "@/i18n";
import type { en } from "@/i18n/resources";

export const APP_NAME = "Image Studio";
const MAX = 60;

/** "Gallery · Image Studio": what the tab, the history and the installed app's task switcher show. */
export function pageTitle(name?: string | null): string {
  const text = name?.replace(/\s+/g, " ").trim();
  if (!text) return APP_NAME;
  const short = text.length > MAX ? `${text.slice(0, MAX - 1).trimEnd()}…` : text;
  return `${short} · ${APP_NAME}`;
}

/** A route's `head`: `head: titled("Gallery")`, or `head: ({ loaderData }) => titleHead(loaderData?.name ?? "Project")`. */
export const titleHead = (name?: string | null) => ({ meta: [{ title: pageTitle(name) }] });
export const titled = (name: string) => () => titleHead(name);

/** A page name from the catalog (shell.json "titles"). */
export type TitleKey = Extract<keyof (typeof en)["shell"]["titles"], string>;
export const titleText = (key: TitleKey) => i18n.t(`shell:titles.${key}`);
/** The meta entry that remembers a catalog title's key, so the tab's title follows a change of language. */
const TITLE_KEY = "image-studio:title-key";
/** A route's `head` with its name from the catalog, in the app's language: `head: titledKey("gallery")`. */
export const titledKey = (key: TitleKey) => () => ({ meta: [{ title: pageTitle(titleText(key)) }, { name: TITLE_KEY, content: key }] });

/** The deepest matched route's title, kept in document.title (used once, by the root route). */
export function useDocumentTitle() {
  // Re-renders when the language changes: a catalog title is translated again.
  const { t } = useTranslation("shell");
  // The deepest title, and its catalog key when it has one (selected as one string: a stable snapshot).
  const [key, headTitle] = useRouterState({
    select: (s) => {
      for (let i = s.matches.length - 1; i >= 0; i--) {
        const meta = s.matches[i]!.meta;
        const found = meta?.find((m) => m?.title)?.title;
        if (found) return `${meta?.find((m) => m?.name === TITLE_KEY)?.content ?? ""}\n${found}`;
      }
      return `\n${APP_NAME}`;
    },
  }).split(/\n(.*)/s) as [string, string];
  const title = key ? pageTitle(t(`titles.${key as TitleKey}`)) : headTitle;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
