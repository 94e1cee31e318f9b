package chat.clickclack.security;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.Contract;
import chat.clickclack.testing.TestServer;
import chat.clickclack.workspaces.Invites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what: every documented route × {no credentials, non-member, member, owner}, and on the
 * workspace and channel routes also × {guest, moderator} (the roles of docs/api.md "Roles"), with the
 * status each one must get. "A member" is in both of the world's channels; the guest is too (added, as guests
 * are); the moderator is in #general only, so the side channel tests what moderating allows. Denied callers must learn nothing: the body is exactly {@code {"error": …}}
 * with no ids or content of the workspace, and nothing is written.
 *
 * <p>Each cell runs in a workspace (owner, member, bystander member, outsider, a message by the member
 * with a reaction, an invite) that no earlier cell has changed: a world is reused only after reads and
 * denials, which write nothing, so cells that change things — logout, removal, deletion — cannot affect
 * each other. One server for the whole class, with the dev fallback off.
 */
class AuthorizationMatrixTest {
    /** The routes this matrix leaves to others: probes, the public sign-in and the WebSocket (realtime tests). */
    private static final Set<String> NOT_IN_MATRIX = Set.of(
            "GET /healthz", "GET /readyz", "GET /api/realtime/ws", "POST /api/auth/magic/consume",
            "POST /api/auth/magic/inspect", "POST /hooks/{key}",
            // the token in the URL is the credential; RegisteredCommandsTest covers it
            "POST /hooks/commands/{token}");

    /** Any prefixed id: a denied body must contain none. */
    private static final Pattern ANY_ID = Pattern.compile("\\b(usr|wsp|chn|msg|evt|ses|inv|dm|upl|btk|whk|cmd|sub|dlv)_[0-9A-Za-z]{6,}");

    /** An allowed (loopback) callback URL where nothing listens: registrations pass, nothing is delivered. */
    private static final String CALLBACK_URL = "http://127.0.0.1:9/callback";
    private static final String SECRET_BODY = "the crab council meets at dawn";
    private static final String SECRET_WORKSPACE = "Hidden Reef";
    private static final String SECRET_DM = "between you and me, the reef is moving";

    enum Caller {
        NO_CREDENTIALS("no credentials"),
        NON_MEMBER("a non-member"),
        MEMBER("a member"),
        OWNER("the owner"),
        GUEST("a guest"),
        MODERATOR("a moderator"),
        /** Only in the rows of DM routes: a member of the workspace who is not in the world's conversation. */
        OUTSIDE_THE_DM("a workspace member outside the conversation");

        final String label;

        Caller(String label) {
            this.label = label;
        }
    }

    /** A fresh workspace and the people around it. */
    record World(String workspaceId, String channelId, String messageId, String inviteToken,
            TestServer.User owner, TestServer.User member, TestServer.User bystander, TestServer.User outsider,
            String inviteId, String dmId, String ownerSessionId, String sideChannelId, String unpinnedId,
            String botId, String botTokenId, String webhookId, String uploadId, String avatarUploadId,
            String freeUploadId, String commandId, String subscriptionId, String slug, TestServer.User guest,
            TestServer.User moderator) {
        Api as(Caller caller) {
            return switch (caller) {
                case NO_CREDENTIALS -> server.anonymous();
                case NON_MEMBER -> outsider.api();
                case MEMBER -> member.api();
                case OWNER -> owner.api();
                case OUTSIDE_THE_DM -> bystander.api();
                case GUEST -> guest.api();
                case MODERATOR -> moderator.api();
            };
        }

        /** Everything a denied caller must not see. */
        List<String> secrets() {
            return List.of(SECRET_BODY, SECRET_WORKSPACE, SECRET_DM, owner.email(), member.email(), bystander.email(),
                    guest.email(), moderator.email());
        }
    }

    /** One row: a route, how to call it in a world, and what each caller gets. */
    record Row(String method, String route, Function<World, String> path, Function<World, Object> body,
            Map<Caller, Integer> expected) {
        String name() {
            return method + " " + route;
        }

        /** The same row with what a guest and a moderator of the workspace get. */
        Row roles(int guest, int moderator) {
            var all = new java.util.EnumMap<Caller, Integer>(Caller.class);
            all.putAll(expected);
            all.put(Caller.GUEST, guest);
            all.put(Caller.MODERATOR, moderator);
            return new Row(method, route, path, body, all);
        }
    }

    private static TestServer server;
    /** The world the next cell may use; null once a cell was allowed to change it. */
    private static World untouched;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false", "allowed_callback_hosts", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Row row(String method, String route, Function<World, String> path, Function<World, Object> body,
            int nonMember, int member, int owner) {
        return new Row(method, route, path, body, Map.of(
                Caller.NO_CREDENTIALS, 401, Caller.NON_MEMBER, nonMember, Caller.MEMBER, member, Caller.OWNER, owner));
    }

    /**
     * A DM route: the world's conversation is the owner's and the member's; {@code outside} is what the
     * bystander, a workspace member outside it, gets.
     */
    private static Row dmRow(String method, String route, Function<World, String> path, Function<World, Object> body,
            int nonMember, int member, int owner, int outside) {
        return new Row(method, route, path, body, Map.of(Caller.NO_CREDENTIALS, 401, Caller.NON_MEMBER, nonMember,
                Caller.MEMBER, member, Caller.OWNER, owner, Caller.OUTSIDE_THE_DM, outside));
    }

    /** A public route: every caller, signed in or not, gets the same status. */
    private static Row publicRow(String method, String route, Function<World, String> path, Function<World, Object> body,
            int status) {
        return new Row(method, route, path, body, Map.of(Caller.NO_CREDENTIALS, status, Caller.NON_MEMBER, status,
                Caller.MEMBER, status, Caller.OWNER, status));
    }

    private static Row row(String method, String route, Function<World, String> path, int nonMember, int member, int owner) {
        return row(method, route, path, w -> null, nonMember, member, owner);
    }

    static List<Row> matrix() {
        return List.of(
                row("POST", "/api/auth/logout", w -> "/api/auth/logout", 204, 204, 204),
                row("POST", "/api/invites/{token}/accept", w -> "/api/invites/" + w.inviteToken() + "/accept",
                        200, 200, 200),
                row("GET", "/api/me", w -> "/api/me", 200, 200, 200),
                // sessions are each caller's own: someone else's session id is unknown to them (404)
                row("GET", "/api/me/sessions", w -> "/api/me/sessions", 200, 200, 200),
                row("DELETE", "/api/me/sessions/{session_id}", w -> "/api/me/sessions/" + w.ownerSessionId(),
                        404, 404, 204),
                // public: what the sign-in and invite pages show before anyone signs in (this server has
                // neither SMTP nor GitHub configured, so those answer 501 to everyone)
                publicRow("GET", "/api/auth/providers", w -> "/api/auth/providers", w -> null, 200),
                publicRow("POST", "/api/auth/magic/request", w -> "/api/auth/magic/request",
                        w -> Map.of("email", w.member().email()), 501),
                publicRow("GET", "/api/auth/github/start", w -> "/api/auth/github/start", w -> null, 501),
                publicRow("GET", "/api/auth/github/callback", w -> "/api/auth/github/callback?code=c&state=s",
                        w -> null, 501),
                publicRow("GET", "/api/invites/{token}", w -> "/api/invites/" + w.inviteToken(), w -> null, 200),
                // anyone signed in edits their own profile (no handle here: each cell would claim the same one)
                row("PATCH", "/api/me", w -> "/api/me", w -> Map.of("display_name", "Renamed Crab",
                        "avatar_url", "https://example.com/crab.png", "status", Map.of("preset", "molting")),
                        200, 200, 200),
                row("GET", "/api/workspaces", w -> "/api/workspaces", 200, 200, 200),
                row("POST", "/api/workspaces", w -> "/api/workspaces", w -> Map.of("name", "Another Reef"),
                        201, 201, 201),
                row("GET", "/api/workspaces/{workspace_id}", w -> "/api/workspaces/" + w.workspaceId(), 403, 200, 200).roles(200, 200),
                // paged and filtered: a non-member learns nothing, not even whether a name matches
                row("GET", "/api/workspaces/{workspace_id}/members",
                        w -> "/api/workspaces/" + w.workspaceId() + "/members?limit=1&role=member&q=a", 403, 200, 200).roles(200, 200),
                // running the workspace: renaming is for owners and moderators, roles and ownership the owner's
                row("PATCH", "/api/workspaces/{workspace_id}", w -> "/api/workspaces/" + w.workspaceId(),
                        w -> Map.of("name", "Renamed Reef"), 403, 403, 200).roles(403, 200),
                // deleting the workspace is the owner's alone, and needs its slug typed out
                row("DELETE", "/api/workspaces/{workspace_id}", w -> "/api/workspaces/" + w.workspaceId(),
                        w -> Map.of("confirm", w.slug()), 403, 403, 204).roles(403, 403),
                row("POST", "/api/workspaces/{workspace_id}/transfer-ownership",
                        w -> "/api/workspaces/" + w.workspaceId() + "/transfer-ownership",
                        w -> Map.of("user_id", w.member().id()), 403, 403, 200).roles(403, 403),
                row("PATCH", "/api/workspaces/{workspace_id}/members/{user_id}",
                        w -> "/api/workspaces/" + w.workspaceId() + "/members/" + w.bystander().id(),
                        w -> Map.of("role", "moderator"), 403, 403, 200).roles(403, 403),
                row("DELETE", "/api/workspaces/{workspace_id}/members/{user_id}",
                        w -> "/api/workspaces/" + w.workspaceId() + "/members/" + w.bystander().id(), 403, 403, 200).roles(403, 200),
                // invites are the admins' business: a member may neither list nor revoke them
                row("GET", "/api/workspaces/{workspace_id}/invites",
                        w -> "/api/workspaces/" + w.workspaceId() + "/invites", 403, 403, 200).roles(403, 200),
                row("POST", "/api/workspaces/{workspace_id}/invites",
                        w -> "/api/workspaces/" + w.workspaceId() + "/invites", w -> Map.of("max_uses", 3),
                        403, 403, 201).roles(403, 201),
                row("DELETE", "/api/workspaces/{workspace_id}/invites/{invite_id}",
                        w -> "/api/workspaces/" + w.workspaceId() + "/invites/" + w.inviteId(), 403, 403, 200).roles(403, 200),
                row("GET", "/api/workspaces/{workspace_id}/presence",
                        w -> "/api/workspaces/" + w.workspaceId() + "/presence", 403, 200, 200).roles(200, 200),
                row("GET", "/api/workspaces/{workspace_id}/channels",
                        w -> "/api/workspaces/" + w.workspaceId() + "/channels", 403, 200, 200).roles(200, 200),
                row("POST", "/api/workspaces/{workspace_id}/channels",
                        w -> "/api/workspaces/" + w.workspaceId() + "/channels", w -> Map.of("name", "side-quest"),
                        403, 201, 201).roles(403, 201),
                row("GET", "/api/channels/{channel_id}", w -> "/api/channels/" + w.channelId(), 403, 200, 200).roles(200, 200),
                row("PATCH", "/api/channels/{channel_id}", w -> "/api/channels/" + w.channelId(),
                        w -> Map.of("topic", "a new tide"), 403, 200, 200).roles(403, 200),
                // membership, in a side channel the member made and the bystander was added to
                row("POST", "/api/channels/{channel_id}/join", w -> "/api/channels/" + w.sideChannelId() + "/join",
                        // the guest was added, so joining again changes nothing (GuestVisibilityTest: 403 otherwise)
                        403, 200, 200).roles(200, 200),
                row("POST", "/api/channels/{channel_id}/leave", w -> "/api/channels/" + w.sideChannelId() + "/leave",
                        403, 200, 200).roles(200, 200),
                row("GET", "/api/channels/{channel_id}/members", w -> "/api/channels/" + w.sideChannelId() + "/members",
                        403, 200, 200).roles(200, 200),
                // a channel member may add someone; the owner (not in it) may too, as a moderator
                row("POST", "/api/channels/{channel_id}/members",
                        w -> "/api/channels/" + w.sideChannelId() + "/members", w -> Map.of("user_id", w.owner().id()),
                        403, 201, 201).roles(403, 201),
                // only owners and moderators remove someone else
                row("DELETE", "/api/channels/{channel_id}/members/{user_id}",
                        w -> "/api/channels/" + w.sideChannelId() + "/members/" + w.bystander().id(), 403, 403, 200).roles(403, 200),
                // notification preference: the caller's own, in #general where everyone is a member
                row("GET", "/api/channels/{channel_id}/notification-settings",
                        w -> "/api/channels/" + w.channelId() + "/notification-settings", 403, 200, 200).roles(200, 200),
                row("PATCH", "/api/channels/{channel_id}/notification-settings",
                        w -> "/api/channels/" + w.channelId() + "/notification-settings",
                        w -> Map.of("preference", "muted"), 403, 200, 200).roles(200, 200),
                // pins: the world's message is pinned; a second one is not yet
                row("GET", "/api/channels/{channel_id}/pins", w -> "/api/channels/" + w.channelId() + "/pins",
                        403, 200, 200).roles(200, 200),
                row("POST", "/api/channels/{channel_id}/pins", w -> "/api/channels/" + w.channelId() + "/pins",
                        w -> Map.of("message_id", w.unpinnedId()), 403, 201, 201).roles(403, 201),
                row("DELETE", "/api/channels/{channel_id}/pins/{message_id}",
                        w -> "/api/channels/" + w.channelId() + "/pins/" + w.messageId(), 403, 200, 200).roles(403, 200),
                row("POST", "/api/channels/{channel_id}/read", w -> "/api/channels/" + w.channelId() + "/read",
                        w -> Map.of("seq", 1), 403, 200, 200).roles(200, 200),
                row("GET", "/api/channels/{channel_id}/messages", w -> "/api/channels/" + w.channelId() + "/messages",
                        403, 200, 200).roles(200, 200),
                row("POST", "/api/channels/{channel_id}/messages", w -> "/api/channels/" + w.channelId() + "/messages",
                        w -> Map.of("body", "hello reef"), 403, 201, 201).roles(201, 201),
                row("GET", "/api/messages/{message_id}", w -> "/api/messages/" + w.messageId(), 403, 200, 200),
                // the message is the member's: only its author may edit it, not even the owner
                row("PATCH", "/api/messages/{message_id}", w -> "/api/messages/" + w.messageId(),
                        w -> Map.of("body", "edited"), 403, 200, 403),
                // the author may delete it, and so may the owner
                row("DELETE", "/api/messages/{message_id}", w -> "/api/messages/" + w.messageId(), 403, 200, 200),
                row("GET", "/api/messages/{message_id}/thread", w -> "/api/messages/" + w.messageId() + "/thread",
                        403, 200, 200),
                row("POST", "/api/messages/{message_id}/thread/replies",
                        w -> "/api/messages/" + w.messageId() + "/thread/replies", w -> Map.of("body", "a reply"),
                        403, 201, 201),
                row("POST", "/api/messages/{message_id}/reactions", w -> "/api/messages/" + w.messageId() + "/reactions",
                        w -> Map.of("emoji", "crab"), 403, 201, 201),
                row("DELETE", "/api/messages/{message_id}/reactions/{emoji}",
                        w -> "/api/messages/" + w.messageId() + "/reactions/lobster", 403, 200, 200),
                // DMs: anyone outside the conversation, in the workspace or not, gets 404 (as for an unknown id)
                dmRow("GET", "/api/dms", w -> "/api/dms?workspace_id=" + w.workspaceId(), w -> null, 403, 200, 200, 200),
                dmRow("POST", "/api/dms", w -> "/api/dms", w -> Map.of("workspace_id", w.workspaceId(),
                        "member_ids", List.of(w.member().id(), w.bystander().id())), 403, 201, 201, 201),
                dmRow("GET", "/api/dms/{dm_id}", w -> "/api/dms/" + w.dmId(), w -> null, 404, 200, 200, 404),
                dmRow("DELETE", "/api/dms/{dm_id}", w -> "/api/dms/" + w.dmId(), w -> null, 404, 200, 200, 404),
                dmRow("POST", "/api/dms/{dm_id}/open", w -> "/api/dms/" + w.dmId() + "/open", w -> null,
                        404, 200, 200, 404),
                dmRow("POST", "/api/dms/{dm_id}/read", w -> "/api/dms/" + w.dmId() + "/read", w -> Map.of("seq", 1),
                        404, 200, 200, 404),
                dmRow("GET", "/api/dms/{dm_id}/messages", w -> "/api/dms/" + w.dmId() + "/messages", w -> null,
                        404, 200, 200, 404),
                dmRow("POST", "/api/dms/{dm_id}/messages", w -> "/api/dms/" + w.dmId() + "/messages",
                        w -> Map.of("body", "just between us"), 404, 201, 201, 404),
                // search: a non-member may not search at all; the bystander may, but finds no DM (test below)
                dmRow("GET", "/api/search", w -> "/api/search?workspace_id=" + w.workspaceId() + "&q=reef", w -> null,
                        403, 200, 200, 200),
                // bots are the admins' business; bot tokens may not manage bots at all (see the bot tests below)
                row("GET", "/api/workspaces/{workspace_id}/bots",
                        w -> "/api/workspaces/" + w.workspaceId() + "/bots", 403, 403, 200).roles(403, 200),
                row("POST", "/api/workspaces/{workspace_id}/bots",
                        w -> "/api/workspaces/" + w.workspaceId() + "/bots", w -> Map.of("name", "Cell Bot"),
                        403, 403, 201).roles(403, 201),
                row("GET", "/api/workspaces/{workspace_id}/bots/{bot_id}/tokens",
                        w -> "/api/workspaces/" + w.workspaceId() + "/bots/" + w.botId() + "/tokens", 403, 403, 200).roles(403, 200),
                row("POST", "/api/workspaces/{workspace_id}/bots/{bot_id}/tokens",
                        w -> "/api/workspaces/" + w.workspaceId() + "/bots/" + w.botId() + "/tokens",
                        w -> Map.of("name", "ci"), 403, 403, 201).roles(403, 201),
                row("POST", "/api/bot-tokens/{bot_token_id}/revoke", w -> "/api/bot-tokens/" + w.botTokenId() + "/revoke",
                        403, 403, 200).roles(403, 200),
                // webhooks are the admins' business, like bots
                row("GET", "/api/workspaces/{workspace_id}/webhooks",
                        w -> "/api/workspaces/" + w.workspaceId() + "/webhooks", 403, 403, 200).roles(403, 200),
                row("POST", "/api/workspaces/{workspace_id}/webhooks",
                        w -> "/api/workspaces/" + w.workspaceId() + "/webhooks",
                        w -> Map.of("channel_id", w.channelId(), "name", "Cell Hook"), 403, 403, 201).roles(403, 201),
                row("POST", "/api/webhooks/{webhook_id}/rotate", w -> "/api/webhooks/" + w.webhookId() + "/rotate",
                        403, 403, 200).roles(403, 200),
                row("POST", "/api/webhooks/{webhook_id}/revoke", w -> "/api/webhooks/" + w.webhookId() + "/revoke",
                        403, 403, 200).roles(403, 200),
                // any member lists the commands (the composer autocompletes them); managing them is the admins'
                row("GET", "/api/workspaces/{workspace_id}/commands",
                        w -> "/api/workspaces/" + w.workspaceId() + "/commands", 403, 200, 200).roles(200, 200),
                row("POST", "/api/workspaces/{workspace_id}/commands",
                        w -> "/api/workspaces/" + w.workspaceId() + "/commands",
                        w -> Map.of("trigger", "cell", "url", CALLBACK_URL), 403, 403, 201).roles(403, 201),
                row("POST", "/api/commands/{command_id}/revoke", w -> "/api/commands/" + w.commandId() + "/revoke",
                        403, 403, 200).roles(403, 200),
                row("POST", "/api/commands/{command_id}/rotate-secret",
                        w -> "/api/commands/" + w.commandId() + "/rotate-secret", 403, 403, 200).roles(403, 200),
                // outgoing event subscriptions, like webhooks, are the admins' business
                row("GET", "/api/workspaces/{workspace_id}/event-subscriptions",
                        w -> "/api/workspaces/" + w.workspaceId() + "/event-subscriptions", 403, 403, 200).roles(403, 200),
                row("POST", "/api/workspaces/{workspace_id}/event-subscriptions",
                        w -> "/api/workspaces/" + w.workspaceId() + "/event-subscriptions",
                        w -> Map.of("url", CALLBACK_URL, "event_types", List.of("*")), 403, 403, 201).roles(403, 201),
                row("POST", "/api/event-subscriptions/{subscription_id}/pause",
                        w -> "/api/event-subscriptions/" + w.subscriptionId() + "/pause", 403, 403, 200).roles(403, 200),
                row("POST", "/api/event-subscriptions/{subscription_id}/resume",
                        w -> "/api/event-subscriptions/" + w.subscriptionId() + "/resume", 403, 403, 200).roles(403, 200),
                row("DELETE", "/api/event-subscriptions/{subscription_id}",
                        w -> "/api/event-subscriptions/" + w.subscriptionId(), 403, 403, 204).roles(403, 204),
                row("GET", "/api/event-subscriptions/{subscription_id}/deliveries",
                        w -> "/api/event-subscriptions/" + w.subscriptionId() + "/deliveries", 403, 403, 200).roles(403, 200),
                row("POST", "/api/commands/execute", w -> "/api/commands/execute",
                        w -> Map.of("channel_id", w.channelId(), "command", "/shrug"), 403, 200, 200),
                row("POST", "/api/hooks/mattermost/{channel_id}", w -> "/api/hooks/mattermost/" + w.channelId(),
                        w -> Map.of("text", "from a script"), 403, 201, 201),
                // uploads: the world's message carries the member's image; a non-member gets 404 (as for an unknown id)
                row("POST", "/api/uploads", w -> "/api/uploads?workspace_id=" + w.workspaceId(),
                        w -> new Api.FilePart("cell.txt", "a file".getBytes()), 403, 201, 201),
                row("GET", "/api/uploads/{upload_id}", w -> "/api/uploads/" + w.uploadId(), 404, 200, 200),
                row("GET", "/api/uploads/{upload_id}/thumbnail", w -> "/api/uploads/" + w.uploadId() + "/thumbnail",
                        404, 200, 200),
                // the member's avatar: for co-members, not for someone who shares no workspace
                row("GET", "/api/avatars/{upload_id}", w -> "/api/avatars/" + w.avatarUploadId(), 404, 200, 200),
                // only the message's author attaches (the owner is not it)
                row("POST", "/api/messages/{message_id}/attachments",
                        w -> "/api/messages/" + w.messageId() + "/attachments", w -> Map.of("upload_id", w.freeUploadId()),
                        403, 200, 403),
                row("GET", "/api/realtime/events", w -> "/api/realtime/events?workspace_id=" + w.workspaceId(),
                        403, 200, 200),
                row("POST", "/api/realtime/ephemeral", w -> "/api/realtime/ephemeral",
                        w -> Map.of("workspace_id", w.workspaceId(), "channel_id", w.channelId(), "type", "typing.started"),
                        403, 202, 202));
    }

    @Test
    void theMatrixHasARowForEveryDocumentedRoute() {
        var documented = Contract.get().routes().stream().map(r -> r.method() + " " + r.path())
                .filter(r -> !NOT_IN_MATRIX.contains(r)).sorted().toList();
        var inMatrix = matrix().stream().map(Row::name).sorted().toList();
        assertThat(inMatrix).containsExactlyElementsOf(documented);
    }

    @TestFactory
    Stream<DynamicContainer> everyRouteAnswersEachKindOfCallerAsDocumented() {
        return matrix().stream().map(row -> DynamicContainer.dynamicContainer(row.name(),
                Stream.of(Caller.values()).filter(row.expected()::containsKey).map(caller -> DynamicTest.dynamicTest(
                        caller.label + " gets " + row.expected().get(caller), () -> check(row, caller)))));
    }

    private static void check(Row row, Caller caller) {
        var world = untouched != null ? untouched : newWorld();
        int expected = row.expected().get(caller);
        untouched = null;
        long tailBefore = server.tailCursor();
        var response = world.as(caller).send(row.method(), row.path().apply(world), row.body().apply(world));
        if (row.method().equals("GET") || response.status() >= 400) {
            untouched = world;
        }
        assertThat(response.status()).as("%s as %s: %s", row.name(), caller.label, response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertDeniedWithoutLeaks(response, world);
            assertThat(server.tailCursor()).as("a denied request writes nothing").isEqualTo(tailBefore);
        }
    }

    /** A denial is {"error": "..."} and nothing else: no ids, no names, no message bodies. */
    private static void assertDeniedWithoutLeaks(Api.Response response, World world) {
        assertThat(response.json()).as("denied body").isNotNull();
        assertThat(response.json().isObject()).as("denied body is an object: %s", response.body()).isTrue();
        assertThat(iterable(response.json().fieldNames())).as("fields of %s", response.body()).containsExactly("error");
        assertThat(response.json().get("error").isTextual()).isTrue();
        assertThat(response.error()).isNotBlank();
        assertThat(ANY_ID.matcher(response.body()).find()).as("an id leaked in %s", response.body()).isFalse();
        for (var secret : world.secrets()) {
            assertThat(response.body()).as("leaked content").doesNotContainIgnoringCase(secret);
        }
    }

    /**
     * Bot tokens on every route: a token of this workspace whose scopes do not cover the route gets 403; a
     * token with every scope but of another workspace is at best an outsider (the row's non-member answer),
     * and 403 where bots may not go at all. Either way nothing is written and nothing leaks.
     */
    @TestFactory
    Stream<DynamicContainer> botTokensAreHeldToTheirScopesAndWorkspace() {
        return matrix().stream().map(row -> DynamicContainer.dynamicContainer(row.name(), Stream.of(
                DynamicTest.dynamicTest("a bot token without the route's scope gets 403", () -> checkBot(row, false)),
                DynamicTest.dynamicTest("a bot token of another workspace is refused", () -> checkBot(row, true)))));
    }

    private static void checkBot(Row row, boolean otherWorkspace) {
        if (row.expected().get(Caller.NO_CREDENTIALS) != 401) {
            return; // a public route: any credentials are ignored there, a bot token's too
        }
        var world = untouched != null ? untouched : newWorld();
        untouched = world;
        String token;
        if (otherWorkspace) {
            // a fresh owner each time: one outsider would soon reach the workspaces-per-user quota
            var stranger = server.newUser("Stray Owner");
            var elsewhere = stranger.api().post("/api/workspaces", Map.of("name", "Elsewhere"));
            token = stranger.api().post("/api/workspaces/" + elsewhere.at("/workspace/id").asText() + "/bots",
                    Map.of("name", "Stray Bot", "scopes", chat.clickclack.auth.BotScopes.ALL)).at("/bot_token/token").asText();
        } else {
            // commands:write opens only the command routes, uploads:write only the upload routes
            var narrow = row.route().contains("/commands") ? "uploads:write" : "commands:write";
            token = world.owner().api().post("/api/workspaces/" + world.workspaceId() + "/bots",
                    Map.of("name", "Narrow Bot", "scopes", List.of(narrow))).at("/bot_token/token").asText();
        }
        var key = row.method() + " " + row.route();
        var openToAnyBot = Set.of("GET /api/me", "GET /api/workspaces").contains(key);
        var openToBots = chat.clickclack.auth.BotScopes.routesOpenToBots().contains(key);
        int expected = openToAnyBot ? 200
                : otherWorkspace && openToBots ? row.expected().get(Caller.NON_MEMBER)
                : 403;
        if (expected < 400) {
            return; // reads anyone may make: covered by the bot tests
        }
        long tailBefore = server.tailCursor();
        var response = server.bearer(token).send(row.method(), row.path().apply(world), row.body().apply(world));
        assertThat(response.status()).as("%s with a bot token: %s", key, response.body()).isEqualTo(expected);
        assertDeniedWithoutLeaks(response, world);
        assertThat(server.tailCursor()).as("a denied request writes nothing").isEqualTo(tailBefore);
    }

    @Test
    void theRoutesOpenToBotsAreRealRoutes() {
        var documented = Contract.get().routes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(documented).containsAll(chat.clickclack.auth.BotScopes.routesOpenToBots());
    }

    @Test
    void aMemberMayNotEditAnotherMembersMessage() {
        var world = newWorld();
        long tailBefore = server.tailCursor();

        var edit = world.bystander().api().patch("/api/messages/" + world.messageId(), Map.of("body", "rewritten"));

        assertThat(edit.status()).isEqualTo(403);
        assertDeniedWithoutLeaks(edit, world);
        assertThat(server.tailCursor()).isEqualTo(tailBefore);
        var stored = world.member().api().get("/api/messages/" + world.messageId());
        assertThat(stored.at("/message/body").asText()).isEqualTo(SECRET_BODY);
        assertThat(stored.at("/message/edited_at").isMissingNode()).isTrue();
    }

    @Test
    void anOwnerMayDeleteAnyonesMessage() {
        var world = newWorld();

        var deleted = world.owner().api().delete("/api/messages/" + world.messageId());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/event/type").asText()).isEqualTo("message.deleted");
        var stored = world.member().api().get("/api/messages/" + world.messageId());
        assertThat(stored.at("/message/deleted_at").isMissingNode()).isFalse();
        assertThat(stored.at("/message/body").asText()).isEmpty();
    }

    @Test
    void searchFindsADirectMessageForItsMembersOnly() {
        var world = newWorld();
        var path = "/api/search?workspace_id=" + world.workspaceId() + "&q=" + "reef%20moving";

        var bystander = world.bystander().api().get(path);
        var member = world.member().api().get(path);

        assertThat(bystander.status()).isEqualTo(200);
        assertThat(bystander.json().path("results")).isEmpty();
        assertThat(bystander.body()).doesNotContain(SECRET_DM).doesNotContain(world.dmId());
        assertThat(member.at("/results/0/message/body").asText()).isEqualTo(SECRET_DM);
        assertThat(world.outsider().api().get(path).body()).doesNotContain("moving");
    }

    @Test
    void aMemberCannotRemoveMembers() {
        var world = newWorld();
        long tailBefore = server.tailCursor();

        var removal = world.member().api()
                .delete("/api/workspaces/" + world.workspaceId() + "/members/" + world.bystander().id());

        assertThat(removal.status()).isEqualTo(403);
        assertDeniedWithoutLeaks(removal, world);
        assertThat(server.tailCursor()).isEqualTo(tailBefore);
        var members = world.owner().api().get("/api/workspaces/" + world.workspaceId() + "/members");
        assertThat(members.json().get("members").findValuesAsText("id")).contains(world.bystander().id());
        assertThat(world.bystander().api().get("/api/workspaces/" + world.workspaceId()).status()).isEqualTo(200);
    }

    @Test
    void aNonMemberDoesNotSeeTheWorkspaceInTheirOwnList() {
        var world = newWorld();

        var list = world.outsider().api().get("/api/workspaces");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(world.workspaceId()).doesNotContain(SECRET_WORKSPACE);
    }

    @Test
    void aGarbageBearerTokenIsUnauthorizedEvenForAMemberRoute() {
        var world = newWorld();
        var forged = server.anonymous().withHeader("Authorization", "Bearer cct_not-a-real-token");

        var response = forged.get("/api/channels/" + world.channelId() + "/messages");

        assertThat(response.status()).isEqualTo(401);
        assertDeniedWithoutLeaks(response, world);
    }

    @Test
    void aLoggedOutTokenNoLongerWorks() {
        var world = newWorld();
        assertThat(world.member().api().post("/api/auth/logout", null).status()).isEqualTo(204);

        var after = world.member().api().get("/api/workspaces/" + world.workspaceId());

        assertThat(after.status()).isEqualTo(401);
        assertDeniedWithoutLeaks(after, world);
    }

    private static World newWorld() {
        var owner = server.newUser("Owner Crab");
        var member = server.newUser("Member Crab");
        var bystander = server.newUser("Bystander Crab");
        var outsider = server.newUser("Outsider Crab");
        var created = owner.api().post("/api/workspaces", Map.of("name", SECRET_WORKSPACE));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var workspaceId = created.at("/workspace/id").asText();
        var channelId = created.at("/channel/id").asText();
        server.join(workspaceId, member, "member");
        server.join(workspaceId, bystander, "member");
        var guest = server.newUser("Guest Crab");
        var moderator = server.newUser("Moderator Crab");
        server.join(workspaceId, guest, "guest");
        server.join(workspaceId, moderator, "moderator");
        var image = member.api().upload(workspaceId, "reef.png", WORLD_IMAGE);
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        var uploadId = image.at("/upload/id").asText();
        var posted = member.api().post("/api/channels/" + channelId + "/messages",
                Map.of("body", SECRET_BODY, "upload_ids", List.of(uploadId)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        var messageId = posted.at("/message/id").asText();
        var reacted = member.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "lobster"));
        assertThat(reacted.status()).as(reacted.body()).isEqualTo(201);
        var invites = new Invites(server.app().database());
        var invite = invites.create(workspaceId, owner.id(), Invites.DEFAULT_TTL);
        var inviteId = invites.list(owner.id(), workspaceId).getFirst().id();
        var dm = member.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(owner.id())));
        assertThat(dm.status()).as(dm.body()).isEqualTo(201);
        var dmId = dm.at("/conversation/id").asText();
        var dmPosted = member.api().post("/api/dms/" + dmId + "/messages", Map.of("body", SECRET_DM));
        assertThat(dmPosted.status()).as(dmPosted.body()).isEqualTo(201);
        var sessions = owner.api().get("/api/me/sessions");
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        var ownerSessionId = sessions.at("/sessions/0/id").asText();
        var side = member.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "side-reef"));
        assertThat(side.status()).as(side.body()).isEqualTo(201);
        var sideChannelId = side.at("/channel/id").asText();
        var added = member.api().post("/api/channels/" + sideChannelId + "/members", Map.of("user_id", bystander.id()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        var guestAdded = member.api().post("/api/channels/" + sideChannelId + "/members", Map.of("user_id", guest.id()));
        assertThat(guestAdded.status()).as(guestAdded.body()).isEqualTo(201);
        var pinned = owner.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", messageId));
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(201);
        var unpinned = owner.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "pin me"));
        assertThat(unpinned.status()).as(unpinned.body()).isEqualTo(201);
        var avatar = member.api().upload(workspaceId, "me.png", WORLD_IMAGE).at("/upload/id").asText();
        assertThat(member.api().patch("/api/me", Map.of("avatar_upload_id", avatar)).status()).isEqualTo(200);
        var free = member.api().upload(workspaceId, "later.txt", "attach me later".getBytes()).at("/upload/id").asText();
        var bot = owner.api().post("/api/workspaces/" + workspaceId + "/bots", Map.of("name", "World Bot"));
        assertThat(bot.status()).as(bot.body()).isEqualTo(201);
        return new World(workspaceId, channelId, messageId, invite, owner, member, bystander, outsider, inviteId, dmId,
                ownerSessionId, sideChannelId, unpinned.at("/message/id").asText(), bot.at("/bot/id").asText(),
                bot.at("/bot_token/id").asText(),
                server.app().database().write(tx -> chat.clickclack.webhooks.Webhooks.create(tx, channelId, "World Hook",
                        owner.id())).id(), uploadId, avatar, free,
                created(owner.api().post("/api/workspaces/" + workspaceId + "/commands",
                        Map.of("trigger", "world", "url", CALLBACK_URL)), "/command/id"),
                created(owner.api().post("/api/workspaces/" + workspaceId + "/event-subscriptions",
                        Map.of("url", CALLBACK_URL, "event_types", List.of("workspace.ownership_transferred"))),
                        "/subscription/id"),
                created.at("/workspace/slug").asText(), guest, moderator);
    }

    /** A small PNG, made once: the world's attached image and the member's avatar. */
    private static final byte[] WORLD_IMAGE = png();

    private static byte[] png() {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String created(Api.Response response, String idPointer) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.at(idPointer).asText();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        var out = new ArrayList<T>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}
