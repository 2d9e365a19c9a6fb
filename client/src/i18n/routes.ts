/**
 * Catalogs per route. A route names the namespaces its screens read in `staticData.i18n` (beside its path, not in a
 * split chunk); the root route's `beforeLoad` loads those of every matched route before any of them renders, so no
 * screen shows raw keys or flashes English in another language. `common` and `shell` are always there.
 * route-catalogs.test.ts checks each route's list against what the code it imports reads.
 */
import { loadNamespaces } from "./index";
import type { Namespace } from "./resources";

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** Namespaces this route's screens read, beyond `common` and `shell` (and those of the routes around it). */
    i18n?: readonly Namespace[];
  }
}

interface RouteMatchLike {
  staticData?: { i18n?: readonly Namespace[] };
}

/** Loads the namespaces of every matched route; undefined when they are all loaded already. */
export function loadRouteNamespaces(matches: readonly RouteMatchLike[]): Promise<void> | undefined {
  return loadNamespaces(matches.flatMap((m) => m.staticData?.i18n ?? []));
}
