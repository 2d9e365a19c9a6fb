import type {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookEndpointUpdate,
} from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** The id segments as the routes spell them (UUID-shaped, so other paths never match). */
const ID = ":id{[0-9a-fA-F-]{36}}";
const DELIVERY = ":deliveryId{[0-9a-fA-F-]{36}}";

/** API keys and webhook endpoints of the signed-in user (settings → API keys). */
export const developerKeys = {
  keys: ["developer", "keys"] as const,
  endpoints: ["developer", "webhook-endpoints"] as const,
  deliveries: (id: string) => ["developer", "webhook-endpoints", id, "deliveries"] as const,
};

export const apiKeysQuery = queryOptions({
  queryKey: developerKeys.keys,
  queryFn: async (): Promise<ApiKey[]> => (await call(rpc.keys.index.$get())).items,
});

export const createApiKey = (body: ApiKeyCreate): Promise<ApiKeyCreated> => call(rpc.keys.index.$post({ json: body }));
export const revokeApiKey = (id: string) => call(rpc.keys[ID].$delete({ param: { id } }));

export const endpointsQuery = queryOptions({
  queryKey: developerKeys.endpoints,
  queryFn: async (): Promise<WebhookEndpoint[]> => (await call(rpc.webhookEndpoints.index.$get())).items,
});

export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: developerKeys.deliveries(id),
    queryFn: async (): Promise<WebhookDelivery[]> =>
      (await call(rpc.webhookEndpoints[ID].deliveries.$get({ param: { id }, query: { limit: "20" } }))).items,
  });

export const createEndpoint = (body: WebhookEndpointCreate): Promise<WebhookEndpointCreated> =>
  call(rpc.webhookEndpoints.index.$post({ json: body }));
export const updateEndpoint = (id: string, body: WebhookEndpointUpdate): Promise<WebhookEndpoint> =>
  call(rpc.webhookEndpoints[ID].$patch({ param: { id }, json: body }));
export const deleteEndpoint = (id: string) => call(rpc.webhookEndpoints[ID].$delete({ param: { id } }));
export const sendTest = (id: string): Promise<WebhookDelivery> =>
  call(rpc.webhookEndpoints[ID].test.$post({ param: { id } }));
export const redeliver = (id: string, deliveryId: string): Promise<WebhookDelivery> =>
  call(rpc.webhookEndpoints[ID].deliveries[DELIVERY].redeliver.$post({ param: { id, deliveryId } }));
