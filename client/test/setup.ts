import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { i18n, initI18n } from "@/i18n";
import { NAMESPACES } from "@/i18n/resources";

initI18n();
// Screens get their catalogs from their route (src/i18n/routes.ts); component tests render them without one.
await i18n.loadNamespaces([...NAMESPACES]);
