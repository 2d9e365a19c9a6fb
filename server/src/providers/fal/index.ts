export { FalProvider, type FalLogger, type FalProviderOptions } from "./provider";
export { createConfiguredFalClient, DEFAULT_QUEUE_URL, queueAppOf } from "./client";
export { DownloadGuard, downloadFalFile } from "./download";
export { falFieldIssues, mapFalError, type FalFieldIssue, type FalPhase } from "./errors";
export { buildFalRequest, falImageSize, type FalRequest } from "./mapping";
export {
  checkFalWebhook,
  DEFAULT_JWKS_URL,
  falWebhookBodySchema,
  type FalWebhookBody,
  type HeaderBag,
  type Jwk,
  JwksCache,
  type JwksCacheOptions,
  type JwksProvider,
  parseWebhookBody,
  verifyFalWebhook,
  type WebhookCheck,
} from "./webhook";
