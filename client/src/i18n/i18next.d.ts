import "i18next";
import type { Resources } from "./resources";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: Resources;
    // Strings only: a missing key is a type error, not a silent `null`.
    returnNull: false;
  }
}
