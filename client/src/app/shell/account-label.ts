import type { MeUser } from "@image-studio/shared";
import { i18n } from "@/i18n";

/**
 * What the account menu shows for the signed-in user. A "Try demo" guest's name and address are placeholders
 * ("Anonymous", temp-…@guest.image-studio.invalid): the menu says "Guest" and never shows them.
 */
export function accountLabel(user: Pick<MeUser, "name" | "email" | "isGuest"> | undefined, nameOverride?: string) {
  const guestName = i18n.t("shell:account.guest");
  if (user?.isGuest) return { name: guestName, detail: i18n.t("shell:account.guestDetail"), guest: true };
  return { name: nameOverride ?? user?.name ?? guestName, detail: user?.email, guest: false };
}
