// Outgoing event subscriptions: the server POSTs a workspace's durable events to a callback URL.
import type { Transport } from "../http.ts";
import type { CreateEventSubscriptionInput } from "../types.ts";

export function eventSubscriptionsApi(http: Transport) {
  return {
    /** The workspace's outgoing event subscriptions (owners, moderators); never their secrets. */
    list: async (workspaceId: string) =>
      (
        await http.request("get", "/api/workspaces/{workspace_id}/event-subscriptions", {
          params: { workspace_id: workspaceId },
        })
      ).subscriptions,
    /** Subscribes a callback URL to durable events: `{subscription, secret}`, the secret only here. */
    create: (workspaceId: string, input: CreateEventSubscriptionInput) =>
      http.request("post", "/api/workspaces/{workspace_id}/event-subscriptions", {
        params: { workspace_id: workspaceId },
        body: input,
      }),
    pause: async (subscriptionId: string) =>
      (
        await http.request("post", "/api/event-subscriptions/{subscription_id}/pause", {
          params: { subscription_id: subscriptionId },
        })
      ).subscription,
    /** Resumes from the subscription's cursor: nothing written while it was paused is skipped. */
    resume: async (subscriptionId: string) =>
      (
        await http.request("post", "/api/event-subscriptions/{subscription_id}/resume", {
          params: { subscription_id: subscriptionId },
        })
      ).subscription,
    delete: async (subscriptionId: string) => {
      await http.request("delete", "/api/event-subscriptions/{subscription_id}", {
        params: { subscription_id: subscriptionId },
      });
    },
    /** The delivery log, newest first. */
    deliveries: async (subscriptionId: string, limit?: number) =>
      (
        await http.request("get", "/api/event-subscriptions/{subscription_id}/deliveries", {
          params: { subscription_id: subscriptionId },
          query: limit === undefined ? {} : { limit },
        })
      ).deliveries,
  };
}
