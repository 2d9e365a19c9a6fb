import { z } from "zod";
import { vm } from "./validation-messages";

/** Contracts of the developer platform: API keys and outgoing webhook endpoints (issue 17). */

export const API_KEY_SCOPES = ["read", "generate", "manage"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What each scope lets a key do (shown next to the checkboxes and in the API reference). */
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: "Read: list and download images, projects, collections, prompts, jobs and usage (GET requests)",
  generate: "Generate: start generations, iterations and batches, upload inputs, cancel and retry jobs",
  manage: "Manage: change images, projects, collections and prompts (edit, tag, move, delete)",
};

/** Every key starts with this, so secret scanners and people can tell what it is. */
export const API_KEY_PREFIX = "is_live_";

export const apiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1, vm("developer.keyNameRequired")).max(80),
    scopes: z
      .array(z.enum(API_KEY_SCOPES))
      .min(1, vm("developer.scopeRequired"))
      .transform((s) => API_KEY_SCOPES.filter((x) => s.includes(x))),
    /** When the key stops working (ISO date-time, in the future); omitted or null: never. */
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type ApiKeyCreate = z.input<typeof apiKeyCreateSchema>;

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The visible start of the key, e.g. `is_live_ab12cd`. */
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  createdAt: z.string(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The answer to a create: the only time the full key is ever shown. */
export const apiKeyCreatedSchema = apiKeySchema.extend({ key: z.string() });
export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });

// ---------------------------------------------------------------------------------------------------------------
// Outgoing webhooks

export const WEBHOOK_EVENTS = ["job.completed", "job.failed", "batch.completed", "image.shared"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Only sent by "Send test"; endpoints can't subscribe to it. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "job.completed": "A generation or iteration job finished with images",
  "job.failed": "A job failed for good (no more retries)",
  "batch.completed": "Every job of a batch has finished",
  "image.shared": "You shared an image",
};

export const WEBHOOK_SIGNATURE_HEADER = "Image-Studio-Signature";
export const WEBHOOK_DELIVERY_HEADER = "Image-Studio-Delivery";
export const WEBHOOK_EVENT_HEADER = "Image-Studio-Event";

const webhookUrl = z
  .url({ protocol: /^https?$/, message: vm("developer.webhookUrlProtocol") })
  .max(2000)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), vm("developer.webhookUrlCredentials"));
const events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, vm("developer.eventRequired"))
  .transform((e) => WEBHOOK_EVENTS.filter((x) => e.includes(x)));

export const webhookEndpointCreateSchema = z
  .object({
    url: webhookUrl,
    events,
    description: z.string().trim().max(200).optional(),
  })
  .strict();
export type WebhookEndpointCreate = z.input<typeof webhookEndpointCreateSchema>;

export const webhookEndpointUpdateSchema = z
  .object({
    url: webhookUrl.optional(),
    events: events.optional(),
    description: z.string().trim().max(200).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookEndpointUpdate = z.input<typeof webhookEndpointUpdateSchema>;

export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The answer to a create: the signing secret is shown this once. */
export const webhookEndpointCreatedSchema = webhookEndpointSchema.extend({ secret: z.string() });
export type WebhookEndpointCreated = z.infer<typeof webhookEndpointCreatedSchema>;

export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

export const webhookDeliverySchema = z.object({
  /** Also the `Image-Studio-Delivery` header and the body's `id`: the same on every retry and redelivery. */
  id: z.uuid(),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });

export const webhookDeliveryListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
