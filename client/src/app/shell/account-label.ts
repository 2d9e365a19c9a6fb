import type { MeUser } from "@image-studio/shared";

/**
 * What the account menu shows for the signed-in user. A "Try demo" guest's name and address are placeholders
 * ("Anonymous", temp-…@guest.image-studio.invalid): the menu says "Guest" and never shows them.
 */
export function accountLabel(user: Pick<MeUser, "name" | "email" | "isGuest"> | undefined, nameOverride?: string) {
  if (user?.isGuest) return { name: "Guest", detail: "Demo account · local engine", guest: true };
  return { name: nameOverride ?? user?.name ?? "Guest", detail: user?.email, guest: false };
}
