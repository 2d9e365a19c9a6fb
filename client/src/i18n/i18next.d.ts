import "i18next";
import type { en } from "./resources";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof en;
    // Strings only: a missing key is a type error, not a silent `null`.
    returnNull: false;
  }
}
