import { z } from "zod";
import { SHARE_PASSWORD_MAX } from "./share-values";
import { vm } from "./validation-messages";

/** POST /api/share/:token/unlock — trades the password for a short-lived cookie scoped to the token. */
export const shareUnlockSchema = z.object({ password: z.string().min(1, vm("share.passwordRequired")).max(SHARE_PASSWORD_MAX) }).strict();
