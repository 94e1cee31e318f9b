// Guards the contract itself: openapi.yaml documents exactly the routes in docs/api.md, and its
// response schemas are strict enough for the server's tests to catch a missing or extra field.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = new URL("../../../../", import.meta.url);
const spec = parse(readFileSync(new URL("packages/protocol/openapi.yaml", root), "utf8"));
const apiDoc = readFileSync(new URL("docs/api.md", root), "utf8");

interface Schema {
  type?: string | string[];
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
}

const METHODS = ["get", "post", "patch", "put", "delete"];

/**
 * Request bodies stay open (unknown fields are ignored); payload schemas document Event.payload,
 * which is open by design.
 */
function isOpenSchema(name: string): boolean {
  return name.endsWith("Request") || name.endsWith("EventPayload");
}

function specRoutes(): string[] {
  return Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function documentedRoutes(): string[] {
  return [...apiDoc.matchAll(/^\| (GET|POST|PATCH|PUT|DELETE) \| `([^`]+)` \|/gm)].map(
    ([, method, path]) => `${method} ${path}`,
  );
}

/** Whether a schema property admits `null`. */
function nullable(property: any): boolean {
  return (
    (Array.isArray(property.type) && property.type.includes("null")) ||
    [...(property.oneOf ?? []), ...(property.anyOf ?? [])].some((x: any) => x.type === "null")
  );
}

describe("openapi.yaml", () => {
  it("documents exactly the routes listed in docs/api.md", () => {
    expect(documentedRoutes().length).toBeGreaterThan(20);
    expect(specRoutes().toSorted()).toEqual(documentedRoutes().toSorted());
  });

  it("lists every field of every response object as required, and forbids extra ones", () => {
    const schemas = spec.components.schemas as Record<string, Schema>;
    // EventPage.tail_cursor only comes with include_tail=true; a sign-in's token only with a bearer
    // sign-in (a browser's cookie secret never appears in a body); an account may have no email; a
    // channel's read state is the caller's, so it comes with list and get, not in shared events; a user
    // without a status (or whose status expired) has none, and a status without an expiry has no expires_at.
    const optional: Record<string, string[]> = {
      EventPage: ["tail_cursor", "next_cursor"],
      Session: ["token", "expires_at"],
      MagicConsumeResponse: ["token"],
      MagicInspectResponse: ["email", "signed_in_as"],
      ChannelListResponse: ["next_cursor"],
      MemberListResponse: ["next_cursor"],
      SearchResponse: ["next_cursor"],
      User: ["status"],
      UserStatus: ["expires_at"],
      MeResponse: ["dev_fallback"],
      MessageDeletedResponse: ["event"],
      Channel: [
        "last_read_seq",
        "unread_count",
        "mention_count",
        "is_member",
        "member_count",
        "notification_preference",
        "archived_at",
      ],
      // joining or leaving twice changes nothing and writes no event
      ChannelMembershipResponse: ["event"],
      ChannelLeftResponse: ["event"],
      DirectConversation: ["last_read_seq", "unread_count", "mention_count"],
      // a message is in a channel or in a direct conversation: it carries exactly one of the two ids;
      // roots have a channel_seq and (once replied to) a thread_state, replies a parent and a thread_seq
      Message: [
        "channel_id",
        "direct_conversation_id",
        "parent_message_id",
        "channel_seq",
        "thread_seq",
        "nonce",
        "edited_at",
        "deleted_at",
        "thread_state",
        // what an incoming webhook posted under
        "override_username",
        "override_icon_url",
        // omitted without attachments (and on a deleted message)
        "attachments",
      ],
      // only images have dimensions and a thumbnail
      Upload: ["width", "height", "thumbnail_url"],
      ThreadState: ["last_reply_at"],
      Presence: ["since"],
      // a workspace without an icon shows its initial
      Workspace: ["icon"],
      Event: ["channel_id", "seq"],
      EphemeralEvent: ["channel_id", "direct_conversation_id"],
      InviteAcceptResponse: ["event"],
      Invite: ["created_by", "expires_at", "revoked_at", "max_uses"],
      // an invite without a use limit has no uses_left; a session may not have been used (or expire) yet
      InvitePreview: ["uses_left"],
      SessionSummary: ["last_used_at", "expires_at"],
      // a bot token's secret is only in the answer that created it
      BotToken: ["created_by", "last_used_at", "revoked_at", "token"],
      // a webhook's key likewise, only when created or rotated
      Webhook: ["created_by", "revoked_at", "key"],
      // a command answers with what it wrote, if anything
      CommandResponse: ["text", "message", "event"],
      // built-ins have no id; a registered command's url, bot and creator are for owners and moderators
      SlashCommand: ["id", "url", "bot_id", "created_by", "created_at", "revoked_at"],
      EventSubscription: ["paused_reason", "failing_since", "next_attempt_at", "created_by"],
      EventDelivery: ["response_code", "last_error", "next_attempt_at", "delivered_at"],
      MessagePage: ["oldest_seq", "newest_seq"],
      ReactionResponse: ["event"],
    };
    for (const [name, schema] of Object.entries(schemas)) {
      if (schema.type !== "object" || isOpenSchema(name)) continue;
      const fields = Object.keys(schema.properties ?? {});
      const expected = fields.filter((field) => !optional[name]?.includes(field));
      expect(schema.required?.toSorted(), name).toEqual(expected.toSorted());
      expect(schema.additionalProperties, name).toBe(false);
    }
  });

  it("omits a field without a value instead of sending null, in every answer", () => {
    // Only requests may say null (PATCH /api/me {status: null} clears the status).
    const requests = new Set(["UpdateMeRequest"]);
    const schemas = spec.components.schemas as Record<string, any>;
    for (const [name, schema] of Object.entries(schemas)) {
      if (requests.has(name)) continue;
      for (const [field, property] of Object.entries(
        (schema.properties ?? {}) as Record<string, any>,
      )) {
        expect(nullable(property), `${name}.${field}`).toBe(false);
      }
    }
  });

  it("answers every error with the shared Error schema", () => {
    for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
      for (const method of METHODS.filter((m) => item[m])) {
        for (const [status, response] of Object.entries(item[method].responses as object)) {
          if (Number(status) < 400) continue;
          expect((response as { $ref?: string }).$ref, `${method} ${path} ${status}`).toMatch(
            /^#\/components\/responses\//,
          );
        }
      }
    }
    for (const [name, response] of Object.entries(
      spec.components.responses as Record<string, any>,
    )) {
      expect(response.content["application/json"].schema.$ref, name).toBe(
        "#/components/schemas/Error",
      );
    }
  });

  it("leaves only the probes, sign-in, the invite preview, webhook and command response URLs (the key is the credential) unauthenticated", () => {
    const open = specRoutes().filter((route) => {
      const [method, path] = route.split(" ") as [string, string];
      return spec.paths[path][method.toLowerCase()].security?.length === 0;
    });
    expect(open.toSorted()).toEqual([
      "GET /api/auth/github/callback",
      "GET /api/auth/github/start",
      "GET /api/auth/providers",
      "GET /api/invites/{token}",
      "GET /healthz",
      "GET /readyz",
      "POST /api/auth/magic/consume",
      "POST /api/auth/magic/inspect",
      "POST /api/auth/magic/request",
      "POST /hooks/commands/{token}",
      "POST /hooks/{key}",
    ]);
  });
});
