package chat.clickclack.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row per mistake a client can make: every one answers 4xx with {@code {"error": …}}
 * saying what is wrong — never a 500 — and writes nothing (same event tail, same messages, same rows).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
    private static final String UNKNOWN_WORKSPACE = "wsp_01JZZZZZZZZZZZZZZZZZZZZZZZ";
    private static final String UNKNOWN_CHANNEL = "chn_01JZZZZZZZZZZZZZZZZZZZZZZZ";
    private static final String UNKNOWN_MESSAGE = "msg_01JZZZZZZZZZZZZZZZZZZZZZZZ";
    private static final String UNKNOWN_USER = "usr_01JZZZZZZZZZZZZZZZZZZZZZZZ";

    /** A snapshot of everything a request could change, compared before and after each case. */
    private static final String STATE = """
            SELECT (SELECT count(*) || ':' || coalesce(sum(length(body)), 0) || ':' || coalesce(max(edited_at), '')
                        || ':' || coalesce(max(deleted_at), '') FROM messages)
                || '|' || (SELECT coalesce(group_concat(name || '/' || topic || '/' || coalesce(archived_at, '')
                        || '/' || last_seq, ','), '') FROM channels)
                || '|' || (SELECT count(*) FROM reactions)
                || '|' || (SELECT count(*) || ':' || group_concat(name || '/' || slug || '/' || coalesce(icon, ''), ',')
                        FROM workspaces)
                || '|' || (SELECT count(*) FROM workspace_members)
                || '|' || (SELECT coalesce(group_concat(display_name || '/' || handle || '/' || coalesce(avatar_url, '')
                        || '/' || coalesce(status_preset, '') || '/' || coalesce(status_emoji, '')
                        || '/' || coalesce(status_text, '') || '/' || coalesce(status_expires_at, ''), ','), '') FROM users)
                || '|' || (SELECT coalesce(sum(reply_count), 0) FROM thread_state)
                || '|' || (SELECT count(*) || ':' || coalesce(sum(uses), 0) FROM invites)
                || '|' || (SELECT count(*) FROM magic_links)
                || '|' || (SELECT count(*) || ':' || count(revoked_at) FROM sessions)
                || '|' || (SELECT count(*) || ':' || coalesce(sum(last_read_seq), 0) FROM channel_reads)
                || '|' || (SELECT count(*) || ':' || coalesce(sum(last_seq), 0) FROM direct_conversations)
                || '|' || (SELECT count(*) || ':' || count(hidden_at) FROM direct_members)
                || '|' || (SELECT count(*) FROM bots)
                || '|' || (SELECT count(*) || ':' || count(revoked_at) FROM incoming_webhooks)
                || '|' || (SELECT count(*) || ':' || count(revoked_at) FROM bot_tokens)
                || '|' || (SELECT count(*) || ':' || count(revoked_at) FROM sessions)
                || '|' || (SELECT count(*) FROM uploads)
                || '|' || (SELECT count(*) FROM message_attachments)
                || '|' || (SELECT count(avatar_upload_id) FROM users)
                || '|' || (SELECT count(*) || ':' || count(revoked_at) || ':' || coalesce(group_concat(secret), '')
                        FROM slash_commands)
                || '|' || (SELECT count(*) || ':' || coalesce(sum(uses), 0) FROM command_response_tokens)
                || '|' || (SELECT count(*) || ':' || coalesce(group_concat(status || '/' || cursor), '')
                        FROM event_subscriptions)
                || '|' || (SELECT count(*) FROM event_deliveries)""";

    /** What the cases act on, made once. */
    record Fixture(String workspaceId, String channelId, String otherChannelId, String rootId, String replyId,
            String ownerId, String dmId, String peerId, String strangerId, String botId, String webhookKey,
            String textUploadId, String peerUploadId, String attachedUploadId) {}

    /** One mistake: the request, the status it must get and words the error must contain. */
    record Case(String name, String method, Function<Fixture, String> path, Function<Fixture, Object> body,
            int status, String says) {
        @Override
        public String toString() {
            return name + " → " + status;
        }
    }

    private static TestServer server;
    private static Api owner;
    private static Fixture fixture;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var user = server.newUser("Bad Input Crab");
        assertThat(server.newUser("Taken Crab").api().patch("/api/me", Map.of("handle", "taken-crab")).status())
                .isEqualTo(200);
        owner = user.api();
        var created = owner.post("/api/workspaces", Map.of("name", "Input Reef"));
        var workspaceId = created.at("/workspace/id").asText();
        var channelId = created.at("/channel/id").asText();
        var other = owner.post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "random"));
        var root = owner.post("/api/channels/" + channelId + "/messages", Map.of("body", "the root"));
        var rootId = root.at("/message/id").asText();
        var reply = owner.post("/api/messages/" + rootId + "/thread/replies", Map.of("body", "a reply"));
        assertThat(List.of(created.status(), other.status(), root.status(), reply.status()))
                .containsExactly(201, 201, 201, 201);
        var peer = server.newUser("Peer Crab");
        server.join(workspaceId, peer, "member");
        var dm = owner.post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(peer.id())));
        assertThat(dm.status()).isEqualTo(201);
        var text = owner.upload(workspaceId, "notes.txt", "plain words".getBytes()).at("/upload/id").asText();
        var peers = peer.api().upload(workspaceId, "peer.txt", "the peer's".getBytes()).at("/upload/id").asText();
        var attached = owner.upload(workspaceId, "used.txt", "used once".getBytes()).at("/upload/id").asText();
        assertThat(owner.post("/api/channels/" + channelId + "/messages",
                Map.of("body", "with a file", "upload_ids", List.of(attached))).status()).isEqualTo(201);
        fixture = new Fixture(workspaceId, channelId, other.at("/channel/id").asText(), rootId,
                reply.at("/message/id").asText(), user.id(), dm.at("/conversation/id").asText(), peer.id(),
                server.newUser("Stranger Crab").id(),
                owner.post("/api/workspaces/" + workspaceId + "/bots", Map.of("name", "Input Bot")).at("/bot/id").asText(),
                server.app().database().write(tx -> chat.clickclack.webhooks.Webhooks.create(tx, channelId, "Input Hook",
                        user.id())).key(), text, peers, attached);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Case post(String name, Function<Fixture, String> path, Object body, int status, String says) {
        return new Case(name, "POST", path, f -> body, status, says);
    }

    private static Case patch(String name, Function<Fixture, String> path, Object body, int status, String says) {
        return new Case(name, "PATCH", path, f -> body, status, says);
    }

    private static Case get(String name, Function<Fixture, String> path, int status, String says) {
        return new Case(name, "GET", path, f -> null, status, says);
    }

    private static Case delete(String name, Function<Fixture, String> path, int status, String says) {
        return new Case(name, "DELETE", path, f -> null, status, says);
    }

    private static Function<Fixture, String> messages() {
        return f -> "/api/channels/" + f.channelId() + "/messages";
    }

    private static Function<Fixture, String> page(String query) {
        return f -> "/api/channels/" + f.channelId() + "/messages?" + query;
    }

    private static Function<Fixture, String> dmMessages(String query) {
        return f -> "/api/dms/" + f.dmId() + "/messages" + query;
    }

    /** A POST /api/dms whose body needs the fixture's ids. */
    private static Case createDm(String name, Function<Fixture, Object> body, int status, String says) {
        return new Case(name, "POST", f -> "/api/dms", body, status, says);
    }

    private static Function<Fixture, String> channels() {
        return f -> "/api/workspaces/" + f.workspaceId() + "/channels";
    }

    private static Function<Fixture, String> channel() {
        return f -> "/api/channels/" + f.channelId();
    }

    private static Function<Fixture, String> read() {
        return f -> "/api/channels/" + f.channelId() + "/read";
    }

    private static Function<Fixture, String> notifications() {
        return f -> "/api/channels/" + f.channelId() + "/notification-settings";
    }

    private static Function<Fixture, String> pins() {
        return f -> "/api/channels/" + f.channelId() + "/pins";
    }

    private static Function<Fixture, String> channelMembers() {
        return f -> "/api/channels/" + f.channelId() + "/members";
    }

    private static Function<Fixture, String> dmRead() {
        return f -> "/api/dms/" + f.dmId() + "/read";
    }

    private static Function<Fixture, String> members(String query) {
        return f -> "/api/workspaces/" + f.workspaceId() + "/members" + query;
    }

    private static Case profile(String name, Object body, String says) {
        return patch(name, f -> "/api/me", body, 400, says);
    }

    private static Map<String, Object> withStatus(Object status) {
        var body = new java.util.HashMap<String, Object>();
        body.put("display_name", "Renamed By Mistake");
        body.put("status", status);
        return body;
    }

    private static Function<Fixture, String> search(String query) {
        return f -> "/api/search?workspace_id=" + f.workspaceId() + query;
    }

    private static Function<Fixture, String> events(String query) {
        return f -> "/api/realtime/events?workspace_id=" + f.workspaceId() + query;
    }

    static Stream<Case> cases() {
        return Stream.of(
                // not JSON, or not a JSON object
                post("malformed JSON", messages(), "{\"body\": \"hi\"", 400, "malformed JSON"),
                post("JSON followed by more JSON", messages(), "{\"body\": \"hi\"} {\"body\": \"again\"}", 400, "JSON"),
                post("a JSON array instead of an object", messages(), "[{\"body\": \"hi\"}]", 400, "JSON object"),
                post("a JSON string instead of an object", messages(), "\"hi\"", 400, "JSON object"),
                post("a JSON number instead of an object", messages(), "42", 400, "JSON object"),
                post("JSON null instead of an object", messages(), "null", 400, "JSON object"),
                post("an empty request body", messages(), "", 400, "body"),
                // wrong types
                post("a number as the message body", messages(), Map.of("body", 5), 400, "'body'"),
                post("an object as the message body", messages(), Map.of("body", Map.of("text", "hi")), 400, "'body'"),
                post("a number as the nonce", messages(), Map.of("body", "hi", "nonce", 7), 400, "'nonce'"),
                post("a boolean as the channel name", channels(), Map.of("name", true), 400, "'name'"),
                patch("a string as the archived flag", channel(), Map.of("archived", "yes"), 400, "'archived'"),
                patch("a number as the archived flag", channel(), Map.of("archived", 1), 400, "'archived'"),
                patch("a number as the display name", f -> "/api/me", Map.of("display_name", 42), 400, "'display_name'"),
                post("a number as the emoji", f -> "/api/messages/" + f.rootId() + "/reactions", Map.of("emoji", 1),
                        400, "'emoji'"),
                // missing or empty fields
                post("a message without a body", messages(), Map.of("nonce", "n-1"), 400, "body"),
                post("a blank message body", messages(), Map.of("body", "  \n\t "), 400, "body must not be empty"),
                post("a message body over 40,000 characters", messages(), Map.of("body", "x".repeat(40_001)),
                        400, "40000"),
                post("a blank nonce", messages(), Map.of("body", "hi", "nonce", "  "), 400, "nonce"),
                post("a channel without a name", channels(), Map.of("topic", "no name"), 400, "channel name"),
                post("a workspace without a name", f -> "/api/workspaces", Map.of(), 400, "workspace name"),
                post("a reaction without an emoji", f -> "/api/messages/" + f.rootId() + "/reactions", Map.of(),
                        400, "emoji"),
                post("an ephemeral event without a workspace", f -> "/api/realtime/ephemeral",
                        Map.of("type", "typing.started"), 400, "workspace_id"),
                patch("a channel change with nothing to change", channel(), Map.of(), 400, "nothing to update"),
                patch("a profile change with nothing to change", f -> "/api/me", Map.of(), 400, "nothing to update"),
                patch("an edit to a blank body", f -> "/api/messages/" + f.rootId(), Map.of("body", ""), 400, "body"),
                // too large
                post("a JSON body over 1 MiB", messages(), Map.of("body", "x".repeat(1024 * 1024 + 10)), 413,
                        "too large"),
                // values that break a rule
                post("an invalid channel name", channels(), Map.of("name", "no/slashes!"), 400, "channel name"),
                post("a channel name over 80 characters", channels(), Map.of("name", "c".repeat(81)), 400,
                        "channel name"),
                patch("a topic over 250 characters", channel(), Map.of("topic", "t".repeat(251)), 400, "topic"),
                post("an invalid workspace slug", f -> "/api/workspaces", Map.of("name", "Reef", "slug", "Bad Slug!"),
                        400, "slug"),
                patch("an invalid handle", f -> "/api/me", Map.of("handle", "!"), 400, "handle"),
                post("an emoji with spaces in it", f -> "/api/messages/" + f.rootId() + "/reactions",
                        Map.of("emoji", "two words"), 400, "emoji"),
                post("an emoji over 64 characters", f -> "/api/messages/" + f.rootId() + "/reactions",
                        Map.of("emoji", ":" + "e".repeat(70) + ":"), 400, "emoji"),
                post("a typing event without a channel", f -> "/api/realtime/ephemeral",
                        Map.of("workspace_id", UNKNOWN_WORKSPACE, "type", "typing.started"), 400, "channel_id"),
                post("an ephemeral payload field that is not allowed", f -> "/api/realtime/ephemeral",
                        Map.of("workspace_id", UNKNOWN_WORKSPACE, "channel_id", UNKNOWN_CHANNEL, "type", "typing.started",
                                "payload", Map.of("html", "<img>")), 400, "not 'html'"),
                post("an ephemeral event over 2048 bytes", f -> "/api/realtime/ephemeral",
                        Map.of("workspace_id", UNKNOWN_WORKSPACE, "type", "presence.changed",
                                "payload", Map.of("status", "x".repeat(3000))), 400, "2048 bytes"),
                post("an unknown presence status", f -> "/api/realtime/ephemeral",
                        Map.of("workspace_id", UNKNOWN_WORKSPACE, "type", "presence.changed",
                                "payload", Map.of("status", "invisible")), 400, "status"),
                post("inspecting a sign-in link without a token", f -> "/api/auth/magic/inspect", Map.of(), 400, "token"),
                post("a sign-in with an unknown credential kind", f -> "/api/auth/magic/consume",
                        Map.of("token", "ccm_x", "credential", "both"), 400, "credential"),
                post("an unknown ephemeral type", f -> "/api/realtime/ephemeral",
                        Map.of("workspace_id", UNKNOWN_WORKSPACE, "type", "dance.started"), 400, "type"),
                post("a reply to a reply", f -> "/api/messages/" + f.replyId() + "/thread/replies",
                        Map.of("body", "nested"), 400, "one level deep"),
                // conflicts
                post("a duplicate channel name", channels(), Map.of("name", "general"), 409, "already exists"),
                post("a duplicate channel name in another spelling", channels(), Map.of("name", "#General"), 409,
                        "already exists"),
                patch("a rename onto an existing channel name", f -> "/api/channels/" + f.otherChannelId(),
                        Map.of("name", "general"), 409, "already exists"),
                patch("a handle someone else has", f -> "/api/me", Map.of("display_name", "Thief", "handle", "taken-crab"),
                        409, "taken"),
                delete("removing the workspace owner", f -> "/api/workspaces/" + f.workspaceId() + "/members/" + f.ownerId(),
                        409, "owners cannot be removed"),
                // paging parameters
                get("after_seq together with before_seq", page("after_seq=1&before_seq=5"), 400, "mutually exclusive"),
                get("around_seq together with after_seq", page("around_seq=3&after_seq=1"), 400, "mutually exclusive"),
                get("mode=latest together with after_seq", page("mode=latest&after_seq=1"), 400, "mutually exclusive"),
                get("an unknown paging mode", page("mode=oldest"), 400, "mode"),
                get("limit 0", page("limit=0"), 400, "limit"),
                get("limit 201", page("limit=201"), 400, "limit"),
                get("a non-numeric limit", page("limit=ten"), 400, "limit"),
                get("a non-numeric after_seq", page("after_seq=abc"), 400, "after_seq"),
                get("a negative after_seq", page("after_seq=-1"), 400, "after_seq"),
                get("a negative before_seq", page("before_seq=-1"), 400, "before_seq"),
                get("a negative around_seq", page("around_seq=-1"), 400, "around_seq"),
                get("a thread limit of 0", f -> "/api/messages/" + f.rootId() + "/thread?limit=0", 400, "limit"),
                get("a thread limit of 1001", f -> "/api/messages/" + f.rootId() + "/thread?limit=1001", 400, "limit"),
                // direct messages
                get("the DM list without a workspace_id", f -> "/api/dms", 400, "workspace_id"),
                get("the DM list of an unknown workspace", f -> "/api/dms?workspace_id=" + UNKNOWN_WORKSPACE, 404,
                        "workspace"),
                post("a DM without a body", f -> "/api/dms", "", 400, "body"),
                createDm("a DM without a workspace_id", f -> Map.of("member_ids", List.of(f.peerId())), 400,
                        "workspace_id"),
                createDm("a DM without member_ids", f -> Map.of("workspace_id", f.workspaceId()), 400, "member_ids"),
                createDm("a DM with empty member_ids", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        List.of()), 400, "member_ids"),
                createDm("member_ids as a string", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        f.peerId()), 400, "member_ids"),
                createDm("member_ids holding a number", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        List.of(7)), 400, "member_ids"),
                createDm("member_ids holding a blank id", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        List.of(" ")), 400, "member_ids"),
                createDm("a DM with only yourself", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        List.of(f.ownerId())), 400, "one other person"),
                createDm("a DM with someone outside the workspace", f -> Map.of("workspace_id", f.workspaceId(),
                        "member_ids", List.of(f.peerId(), f.strangerId())), 400, "not a member"),
                createDm("a DM with an unknown user", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        List.of(UNKNOWN_USER)), 400, "not a member"),
                createDm("a DM of 9 people", f -> Map.of("workspace_id", f.workspaceId(), "member_ids",
                        List.of(f.peerId(), "usr_1", "usr_2", "usr_3", "usr_4", "usr_5", "usr_6", "usr_7")), 400,
                        "at most 8"),
                createDm("a DM in an unknown workspace", f -> Map.of("workspace_id", UNKNOWN_WORKSPACE, "member_ids",
                        List.of(f.peerId())), 404, "workspace"),
                post("a DM message without a body", dmMessages(""), Map.of("nonce", "dm-n-1"), 400, "body"),
                post("a blank DM message body", dmMessages(""), Map.of("body", "  "), 400, "body must not be empty"),
                post("a number as the DM message body", dmMessages(""), Map.of("body", 5), 400, "'body'"),
                post("a DM message body over 40,000 characters", dmMessages(""), Map.of("body", "x".repeat(40_001)),
                        400, "40000"),
                post("a blank DM nonce", dmMessages(""), Map.of("body", "hi", "nonce", "  "), 400, "nonce"),
                get("DM paging with after_seq and before_seq", dmMessages("?after_seq=1&before_seq=5"), 400,
                        "mutually exclusive"),
                get("a DM page limit of 0", dmMessages("?limit=0"), 400, "limit"),
                get("a negative DM after_seq", dmMessages("?after_seq=-1"), 400, "after_seq"),
                get("an unknown DM paging mode", dmMessages("?mode=oldest"), 400, "mode"),
                get("an unknown DM", f -> "/api/dms/dm_01JZZZZZZZZZZZZZZZZZZZZZZZ", 404, "direct conversation"),
                delete("hiding an unknown DM", f -> "/api/dms/dm_01JZZZZZZZZZZZZZZZZZZZZZZZ", 404,
                        "direct conversation"),
                post("posting to an unknown DM", f -> "/api/dms/dm_01JZZZZZZZZZZZZZZZZZZZZZZZ/messages",
                        Map.of("body", "hello?"), 404, "direct conversation"),
                // search
                get("a search without a workspace_id", f -> "/api/search?q=crab", 400, "workspace_id"),
                get("a search without q", search(""), 400, "q is required"),
                get("a search of only punctuation and emoji", search("&q=%22%2A-%F0%9F%A6%80"), 400,
                        "nothing to search for"),
                get("a search query over 500 characters", search("&q=" + "q".repeat(501)), 400, "500 characters"),
                get("a search limit of 0", search("&q=crab&limit=0"), 400, "limit"),
                get("a search limit of 101", search("&q=crab&limit=101"), 400, "limit"),
                get("an unknown search sort", search("&q=crab&sort=oldest"), 400, "sort"),
                get("a forged search cursor", search("&q=crab&cursor=!!!"), 400, "cursor"),
                get("a search cursor that decodes to something else", search("&q=crab&cursor=WzFd"), 400, "cursor"),
                get("a search before: that is not a date", search("&q=crab%20before:yesterday"), 400, "YYYY-MM-DD"),
                get("a search has: that is not link or file", search("&q=has:image"), 400, "link or file"),
                get("a search in an unknown workspace", f -> "/api/search?q=crab&workspace_id=" + UNKNOWN_WORKSPACE, 404,
                        "workspace"),
                get("a search in an unknown channel", search("&q=crab&channel_id=" + UNKNOWN_CHANNEL), 404, "channel"),
                // the event log
                get("a bogus after_cursor", events("&after_cursor=bogus"), 410, "resync"),
                get("an after_cursor beyond the tail", events("&after_cursor=999999999"), 410, "resync"),
                get("events without a workspace_id", f -> "/api/realtime/events", 400, "workspace_id"),
                get("an events limit of 1001", events("&limit=1001"), 400, "limit"),
                get("an include_tail that is not a boolean", events("&include_tail=maybe"), 400, "include_tail"),
                // unknown ids
                get("an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE, 404, "workspace"),
                get("the members of an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/members",
                        404, "workspace"),
                get("the channels of an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/channels",
                        404, "workspace"),
                post("a channel in an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/channels",
                        Map.of("name", "lost"), 404, "workspace"),
                get("the presence of an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/presence",
                        404, "workspace"),
                delete("removing an unknown member", f -> "/api/workspaces/" + f.workspaceId() + "/members/" + UNKNOWN_USER,
                        404, "member"),
                get("an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL, 404, "channel"),
                post("marking an unknown channel read", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/read",
                        Map.of("seq", 1), 404, "channel"),
                post("a channel of an unknown kind", channels(), Map.of("name", "odd", "kind", "secret"), 400,
                        "kind must be public or private"),
                patch("changing a channel to an unknown kind", channel(), Map.of("kind", "hidden"), 400,
                        "kind must be public or private"),
                // workspace administration
                patch("a workspace update with nothing in it", f -> "/api/workspaces/" + f.workspaceId(), Map.of(), 400,
                        "nothing to update"),
                patch("a workspace renamed to blank", f -> "/api/workspaces/" + f.workspaceId(), Map.of("name", "  "), 400,
                        "must not be empty"),
                patch("a workspace slug with spaces", f -> "/api/workspaces/" + f.workspaceId(), Map.of("slug", "a b"), 400,
                        "slug"),
                patch("renaming an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE, Map.of("name", "x"),
                        404, "workspace"),
                patch("a role that does not exist", f -> "/api/workspaces/" + f.workspaceId() + "/members/" + f.peerId(),
                        Map.of("role", "admiral"), 400, "moderator, member or guest"),
                patch("making someone owner by role", f -> "/api/workspaces/" + f.workspaceId() + "/members/" + f.peerId(),
                        Map.of("role", "owner"), 400, "transfer"),
                patch("a role change without a role", f -> "/api/workspaces/" + f.workspaceId() + "/members/" + f.peerId(),
                        Map.of(), 400, "role is required"),
                patch("a role change for an unknown member",
                        f -> "/api/workspaces/" + f.workspaceId() + "/members/" + UNKNOWN_USER, Map.of("role", "guest"),
                        404, "member"),
                patch("the owner's own role", f -> "/api/workspaces/" + f.workspaceId() + "/members/" + f.ownerId(),
                        Map.of("role", "member"), 409, "transfer"),
                patch("an icon of three letters", f -> "/api/workspaces/" + f.workspaceId(), Map.of("icon", "ABC"), 400,
                        "one emoji or one or two letters"),
                patch("an icon of two emoji", f -> "/api/workspaces/" + f.workspaceId(), Map.of("icon", "🦀🦞"), 400,
                        "one emoji"),
                patch("an icon that is punctuation", f -> "/api/workspaces/" + f.workspaceId(), Map.of("icon", "!?"),
                        400, "one emoji"),
                patch("an icon that is a number", f -> "/api/workspaces/" + f.workspaceId(), Map.of("icon", 7), 400,
                        "'icon'"),
                // deleting a workspace needs its slug typed out, and nothing goes when it is wrong
                delete("deleting a workspace without confirm", f -> "/api/workspaces/" + f.workspaceId(), 400,
                        "confirm is required"),
                new Case("deleting a workspace with the wrong slug", "DELETE", f -> "/api/workspaces/" + f.workspaceId(),
                        f -> Map.of("confirm", "input-reef-2"), 400, "confirm must be the workspace's slug"),
                new Case("deleting a workspace with its name for the slug", "DELETE",
                        f -> "/api/workspaces/" + f.workspaceId(), f -> Map.of("confirm", "Input Reef"), 400,
                        "confirm must be"),
                new Case("deleting a workspace with a confirm that is a list", "DELETE",
                        f -> "/api/workspaces/" + f.workspaceId(), f -> Map.of("confirm", List.of("input-reef")), 400,
                        "'confirm'"),
                new Case("deleting an unknown workspace", "DELETE", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE,
                        f -> Map.of("confirm", "input-reef"), 404, "workspace"),
                post("a transfer without a user_id", f -> "/api/workspaces/" + f.workspaceId() + "/transfer-ownership",
                        Map.of(), 400, "user_id is required"),
                post("a transfer to a stranger", f -> "/api/workspaces/" + f.workspaceId() + "/transfer-ownership",
                        Map.of("user_id", UNKNOWN_USER), 404, "member"),
                new Case("a transfer to oneself", "POST", f -> "/api/workspaces/" + f.workspaceId() + "/transfer-ownership",
                        f -> Map.of("user_id", f.ownerId()), 409, "already own"),
                // notification preference
                patch("a preference that is missing", notifications(), Map.of(), 400, "preference is required"),
                patch("an unknown preference", notifications(), Map.of("preference", "loud"), 400,
                        "all, mentions or muted"),
                patch("a preference that is a number", notifications(), Map.of("preference", 3), 400, "'preference'"),
                get("the preference in an unknown channel",
                        f -> "/api/channels/" + UNKNOWN_CHANNEL + "/notification-settings", 404, "channel"),
                // pins
                post("a pin without a message_id", pins(), Map.of(), 400, "message_id is required"),
                post("a pin of an unknown message", pins(), Map.of("message_id", "msg_01JZZZZZZZZZZZZZZZZZZZZZZZ"), 404,
                        "message in this channel"),
                post("a pin in an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/pins",
                        Map.of("message_id", "msg_01JZZZZZZZZZZZZZZZZZZZZZZZ"), 404, "channel"),
                new Case("a pin of another channel's message", "POST", f -> "/api/channels/" + f.otherChannelId() + "/pins",
                        f -> Map.of("message_id", f.rootId()), 404, "message in this channel"),
                delete("unpinning a message that is not pinned", f -> "/api/channels/" + f.channelId() + "/pins/" + f.rootId(),
                        404, "pin"),
                get("the pins of an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/pins", 404, "channel"),
                // channel membership
                post("joining an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/join", null, 404, "channel"),
                post("leaving an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/leave", null, 404, "channel"),
                get("the members of an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/members",
                        404, "channel"),
                post("adding to a channel without a user_id", channelMembers(), Map.of(), 400, "user_id is required"),
                post("adding a user_id that is a number", channelMembers(), Map.of("user_id", 5), 400, "'user_id'"),
                post("adding an unknown user to a channel", channelMembers(), Map.of("user_id", UNKNOWN_USER), 404,
                        "workspace member"),
                delete("removing an unknown channel member", f -> "/api/channels/" + f.channelId() + "/members/" + UNKNOWN_USER,
                        404, "channel member"),
                post("leaving #general", f -> "/api/channels/" + f.channelId() + "/leave", null, 403, "#general"),
                post("marking read without a seq", read(), Map.of(), 400, "seq is required"),
                post("marking read with a negative seq", read(), Map.of("seq", -1), 400, "0 or more"),
                post("marking read with a string seq", read(), Map.of("seq", "five"), 400, "'seq'"),
                post("marking read with a fractional seq", read(), Map.of("seq", 1.5), 400, "'seq'"),
                post("marking read with a seq past a long", read(), "{\"seq\": 99999999999999999999}", 400, "'seq'"),
                post("marking read with a boolean seq", read(), Map.of("seq", true), 400, "'seq'"),
                post("marking an unknown DM read", f -> "/api/dms/dm_01JZZZZZZZZZZZZZZZZZZZZZZZ/read", Map.of("seq", 1),
                        404, "direct conversation"),
                post("marking a DM read without a seq", dmRead(), Map.of(), 400, "seq is required"),
                post("marking a DM read with a fractional seq", dmRead(), Map.of("seq", 1.5), 400, "'seq'"),
                post("marking a DM read with a negative seq", dmRead(), Map.of("seq", -3), 400, "0 or more"),
                new Case("typing in a channel and a DM at once", "POST", f -> "/api/realtime/ephemeral",
                        f -> Map.of("workspace_id", f.workspaceId(), "channel_id", f.channelId(),
                                "direct_conversation_id", f.dmId(), "type", "typing.started"), 400, "not both"),
                patch("renaming an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL, Map.of("name", "x"),
                        404, "channel"),
                get("the timeline of an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/messages",
                        404, "channel"),
                post("a message to an unknown channel", f -> "/api/channels/" + UNKNOWN_CHANNEL + "/messages",
                        Map.of("body", "hello?"), 404, "channel"),
                get("an unknown message", f -> "/api/messages/" + UNKNOWN_MESSAGE, 404, "message"),
                patch("editing an unknown message", f -> "/api/messages/" + UNKNOWN_MESSAGE, Map.of("body", "x"),
                        404, "message"),
                delete("deleting an unknown message", f -> "/api/messages/" + UNKNOWN_MESSAGE, 404, "message"),
                get("the thread of an unknown message", f -> "/api/messages/" + UNKNOWN_MESSAGE + "/thread",
                        404, "message"),
                post("a reply to an unknown message", f -> "/api/messages/" + UNKNOWN_MESSAGE + "/thread/replies",
                        Map.of("body", "x"), 404, "message"),
                post("a reaction to an unknown message", f -> "/api/messages/" + UNKNOWN_MESSAGE + "/reactions",
                        Map.of("emoji", "crab"), 404, "message"),
                delete("removing a reaction from an unknown message",
                        f -> "/api/messages/" + UNKNOWN_MESSAGE + "/reactions/crab", 404, "message"),
                get("the events of an unknown workspace", f -> "/api/realtime/events?workspace_id=" + UNKNOWN_WORKSPACE,
                        404, "workspace"),
                post("an ephemeral event in an unknown workspace", f -> "/api/realtime/ephemeral",
                        Map.of("workspace_id", UNKNOWN_WORKSPACE, "channel_id", UNKNOWN_CHANNEL, "type", "typing.started"),
                        404, "workspace"),
                new Case("an ephemeral event in an unknown channel", "POST", f -> "/api/realtime/ephemeral",
                        f -> Map.of("workspace_id", f.workspaceId(), "channel_id", UNKNOWN_CHANNEL, "type", "typing.started"),
                        404, "channel"),
                post("accepting an unknown invite", f -> "/api/invites/cci_no-such-invite/accept", null, 404, "invite"),
                delete("revoking an unknown invite", f -> "/api/workspaces/" + f.workspaceId() + "/invites/inv_nope", 404,
                        "invite"),
                get("previewing an unknown invite", f -> "/api/invites/cci_no-such-invite", 404, "invite"),
                post("an invite that expires in a minute", f -> "/api/workspaces/" + f.workspaceId() + "/invites",
                        Map.of("expires_in", 60), 400, "expire"),
                post("an invite that lasts two years", f -> "/api/workspaces/" + f.workspaceId() + "/invites",
                        Map.of("expires_in", 2 * 365 * 86400), 400, "expire"),
                post("an invite for zero people", f -> "/api/workspaces/" + f.workspaceId() + "/invites",
                        Map.of("max_uses", 0), 400, "max_uses"),
                post("an invite whose expiry is a word", f -> "/api/workspaces/" + f.workspaceId() + "/invites",
                        Map.of("expires_in", "soon"), 400, "expires_in"),
                post("an invite for an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/invites",
                        Map.of(), 404, "workspace"),
                post("a sign-in link without an email", f -> "/api/auth/magic/request", Map.of(), 400, "email"),
                post("a sign-in link for a non-address", f -> "/api/auth/magic/request", Map.of("email", "crab"), 400,
                        "email"),
                post("a sign-in link for two addresses in one", f -> "/api/auth/magic/request",
                        Map.of("email", "attacker,victim@example.com"), 400, "email"),
                post("a sign-in link whose invite is a list", f -> "/api/auth/magic/request",
                        Map.of("email", "a@example.com", "invite_token", List.of("x")), 400, "invite_token"),
                delete("signing out an unknown session", f -> "/api/me/sessions/ses_nope", 404, "session"),
                get("the invites of an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/invites", 404,
                        "workspace"),
                get("a channel page of size 0", f -> "/api/workspaces/" + f.workspaceId() + "/channels?limit=0", 400,
                        "limit"),
                get("a channel page with a forged cursor", f -> "/api/workspaces/" + f.workspaceId() + "/channels?cursor=!!!",
                        400, "cursor"),
                patch("a display name with a right-to-left override", f -> "/api/me",
                        Map.of("display_name", "Bob\u202Enimda"), 400, "bidirectional"),
                patch("a display name with an isolate", f -> "/api/me", Map.of("display_name", "\u2067Bob"), 400,
                        "bidirectional"),
                patch("a display name with a NUL", f -> "/api/me", Map.of("display_name", "Bob\u0000"), 400, "control"),
                patch("a topic with a bidi override", channel(), Map.of("topic", "safe\u202Dtext"), 400, "bidirectional"),
                post("a workspace name with a control character", f -> "/api/workspaces", Map.of("name", "Reef\u0007"),
                        400, "control"),
                patch("archiving #general", channel(), Map.of("archived", true), 403, "#general"),
                // profiles and statuses: every field is checked before anything is written
                profile("a display name over 80 characters", Map.of("display_name", "d".repeat(81)), "80"),
                profile("a blank display name", Map.of("display_name", "   "), "display_name"),
                profile("a handle of one character", Map.of("handle", "a"), "handle"),
                profile("the reserved handle @here", Map.of("handle", "here"), "reserved"),
                profile("the reserved handle @channel", Map.of("handle", "@Channel"), "reserved"),
                profile("a handle over 32 characters", Map.of("handle", "h".repeat(33)), "handle"),
                profile("a handle with a dot", Map.of("handle", "crab.cake"), "handle"),
                profile("a handle with a space", Map.of("display_name", "Ok Name", "handle", "two words"), "handle"),
                profile("a number as the handle", Map.of("handle", 7), "'handle'"),
                profile("a javascript: avatar", Map.of("avatar_url", "javascript:alert(1)"), "avatar_url"),
                profile("an ftp avatar", Map.of("avatar_url", "ftp://example.com/a.png"), "avatar_url"),
                profile("an avatar URL without a host", Map.of("avatar_url", "https:///a.png"), "avatar_url"),
                profile("an avatar URL with a space", Map.of("avatar_url", "https://example.com/a b.png"), "avatar_url"),
                profile("an avatar URL over 2048 characters",
                        Map.of("avatar_url", "https://example.com/" + "a".repeat(2048)), "2048"),
                profile("a status that is a string", withStatus("busy"), "status must be an object"),
                profile("a status with an unknown preset", withStatus(Map.of("preset", "sleeping")), "preset"),
                profile("a custom status without an emoji", withStatus(Map.of("text", "hi")), "emoji is required"),
                profile("a status emoji that is a letter", withStatus(Map.of("emoji", "a")), "one emoji"),
                profile("a status emoji that is a digit", withStatus(Map.of("emoji", "1")), "one emoji"),
                profile("a status with two emoji", withStatus(Map.of("emoji", "\uD83E\uDD9E\uD83E\uDD80")),
                        "one emoji"),
                profile("a preset with another emoji", withStatus(Map.of("preset", "afk", "emoji", "\uD83E\uDD80")),
                        "afk preset"),
                profile("a status text over 100 characters",
                        withStatus(Map.of("emoji", "\uD83E\uDD9E", "text", "t".repeat(101))), "100"),
                profile("a status text with a bidi override",
                        withStatus(Map.of("emoji", "\uD83E\uDD9E", "text", "ok\u202Eko")), "bidirectional"),
                profile("a status that expired already",
                        withStatus(Map.of("preset", "afk", "expires_at", "2020-01-01T00:00:00Z")), "future"),
                profile("a status expiry that is not a time",
                        withStatus(Map.of("preset", "afk", "expires_at", "tomorrow")), "RFC 3339"),
                profile("a number as the status text", withStatus(Map.of("preset", "afk", "text", 5)), "status.text"),
                profile("a status with an unknown field", withStatus(Map.of("preset", "afk", "color", "red")), "color"),
                get("a member page of size 0", members("?limit=0"), 400, "limit"),
                get("a member page of size 501", members("?limit=501"), 400, "limit"),
                get("a member page with a forged cursor", members("?cursor=!!!"), 400, "cursor"),
                get("a member cursor that decodes to something else", members("?cursor=WzFd"), 400, "cursor"),
                get("members with an unknown role", members("?role=captain"), 400, "role"),
                get("a member search over 80 characters", members("?q=" + "q".repeat(81)), 400, "q must be"),
                patch("renaming #general", channel(), Map.of("name", "random"), 403, "#general"),
                // bots and bot tokens
                post("a bot without a name", bots(), Map.of(), 400, "name is required"),
                post("a bot whose name is a number", bots(), Map.of("name", 7), 400, "'name'"),
                post("a bot name over 80 characters", bots(), Map.of("name", "b".repeat(81)), 400, "80"),
                post("a bot with an unknown scope", bots(), Map.of("name", "Bot", "scopes", List.of("admin")), 400,
                        "unknown scope"),
                post("a bot with no scopes", bots(), Map.of("name", "Bot", "scopes", List.of()), 400, "at least one"),
                post("a bot whose scopes are a string", bots(), Map.of("name", "Bot", "scopes", "messages:read"), 400,
                        "'scopes'"),
                post("a bot with a bad handle", bots(), Map.of("name", "Bot", "handle", "two words"), 400, "handle"),
                post("a bot with a taken handle", bots(), Map.of("name", "Bot", "handle", "taken-crab"), 409, "taken"),
                post("a bot in an unknown workspace", f -> "/api/workspaces/" + UNKNOWN_WORKSPACE + "/bots",
                        Map.of("name", "Bot"), 404, "workspace"),
                get("the tokens of an unknown bot", f -> "/api/workspaces/" + f.workspaceId() + "/bots/" + UNKNOWN_USER
                        + "/tokens", 404, "bot"),
                get("the tokens of a person, not a bot", f -> "/api/workspaces/" + f.workspaceId() + "/bots/"
                        + f.ownerId() + "/tokens", 404, "bot"),
                post("a token with an unknown scope", botTokens(), Map.of("scopes", List.of("root")), 400, "unknown scope"),
                post("a token with a blank name", botTokens(), Map.of("name", "  "), 400, "name"),
                post("a token body that is an array", botTokens(), List.of(1), 400, "JSON object"),
                post("revoking an unknown bot token", f -> "/api/bot-tokens/btk_nope/revoke", null, 404, "bot token"),
                // incoming webhooks (Mattermost's wording)
                post("a webhook payload without text", hook(), Map.of("username", "ci"), 400, "No text specified"),
                post("a webhook payload whose text is a number", hook(), Map.of("text", 5), 400, "text must be a string"),
                post("a webhook payload that is an array", hook(), List.of(1), 400, "Unable to parse incoming data"),
                post("webhook attachments that are an object", hook(), Map.of("text", "x", "attachments", Map.of()), 400,
                        "attachments"),
                post("a webhook text over 16383 characters", hook(), Map.of("text", "t".repeat(16_384)), 400, "too long"),
                post("a webhook channel override to nowhere", hook(), Map.of("text", "x", "channel", "nowhere"), 400,
                        "Couldn't find the channel"),
                post("an unknown webhook key", f -> "/hooks/cch_nope", Map.of("text", "x"), 404, "webhook"),
                post("a Mattermost payload without text", f -> "/api/hooks/mattermost/" + f.channelId(), Map.of(), 400,
                        "No text specified"),
                post("a webhook without a channel_id", f -> "/api/workspaces/" + f.workspaceId() + "/webhooks",
                        Map.of("name", "Hook"), 400, "channel_id is required"),
                post("a webhook for an unknown channel", f -> "/api/workspaces/" + f.workspaceId() + "/webhooks",
                        Map.of("channel_id", UNKNOWN_CHANNEL), 404, "channel"),
                new Case("a webhook with a blank name", "POST", f -> "/api/workspaces/" + f.workspaceId() + "/webhooks",
                        f -> Map.of("channel_id", f.channelId(), "name", " "), 400, "name"),
                new Case("a webhook name over 80 characters", "POST",
                        f -> "/api/workspaces/" + f.workspaceId() + "/webhooks",
                        f -> Map.of("channel_id", f.channelId(), "name", "w".repeat(81)), 400, "80"),
                post("rotating an unknown webhook", f -> "/api/webhooks/whk_nope/rotate", null, 404, "webhook"),
                post("revoking an unknown webhook", f -> "/api/webhooks/whk_nope/revoke", null, 404, "webhook"),
                new Case("a command without a slash", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "shrug"), 400, "must start with '/'"),
                post("a command without a channel", f -> "/api/commands/execute", Map.of("command", "/help"), 400,
                        "channel_id is required"),
                post("a command in an unknown channel", f -> "/api/commands/execute",
                        Map.of("channel_id", UNKNOWN_CHANNEL, "command", "/help"), 404, "channel"),
                new Case("an unknown command", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/frobnicate now"), 404, "/frobnicate"),
                new Case("/me without an action", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/me"), 400, "usage: /me"),
                new Case("/status without an argument", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/status"), 400, "usage: /status"),
                new Case("/status with a letter for an emoji", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/status a busy"), 400, "emoji"),
                new Case("a command in an unknown thread", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "thread_root_id", "msg_nope", "command", "/shrug"),
                        404, "message"),
                new Case("a command in a channel and a conversation at once", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "direct_conversation_id", "dm_nope", "command", "/shrug"),
                        400, "not both"),
                post("a command in an unknown direct conversation", f -> "/api/commands/execute",
                        Map.of("direct_conversation_id", "dm_nope", "command", "/shrug"), 404, "direct conversation"),
                new Case("a command in a blank thread", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "thread_root_id", " ", "command", "/shrug"),
                        400, "thread_root_id"),
                post("a Mattermost payload to an unknown channel", f -> "/api/hooks/mattermost/" + UNKNOWN_CHANNEL,
                        Map.of("text", "x"), 404, "channel"),
                // uploads
                post("an upload without workspace_id", f -> "/api/uploads", new Api.FilePart("a.txt", "x".getBytes()),
                        400, "workspace_id"),
                post("an upload to an unknown workspace", f -> "/api/uploads?workspace_id=" + UNKNOWN_WORKSPACE,
                        new Api.FilePart("a.txt", "x".getBytes()), 404, "workspace"),
                post("an upload sent as JSON", uploads(), Map.of("file", "x"), 400, "multipart/form-data"),
                post("an upload without a multipart boundary", uploads(), new Api.RawBody("x".getBytes(),
                        "multipart/form-data"), 400, "boundary"),
                post("an upload without the file field", uploads(), multipart("Content-Disposition: form-data; name=\"other\"",
                        "hello", true), 400, "'file'"),
                post("an upload whose file field is not a file", uploads(), multipart(
                        "Content-Disposition: form-data; name=\"file\"", "hello", true), 400, "filename"),
                post("an upload cut off before its closing boundary", uploads(), multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"", "half a fi", false), 400,
                        "closing boundary"),
                post("an upload of an empty file", uploads(), new Api.FilePart("empty.txt", new byte[0]), 400, "empty"),
                get("an unknown upload", f -> "/api/uploads/upl_01JZZZZZZZZZZZZZZZZZZZZZZZ", 404, "upload"),
                get("a malformed upload id", f -> "/api/uploads/nope", 404, "upload"),
                get("the thumbnail of a text file", f -> "/api/uploads/" + f.textUploadId() + "/thumbnail", 404, "thumbnail"),
                get("the avatar of an upload that is nobody's avatar", f -> "/api/avatars/" + f.textUploadId(), 404,
                        "upload"),
                new Case("attaching without upload_id", "POST", attachments(), f -> Map.of(), 400, "upload_id"),
                new Case("attaching a number as upload_id", "POST", attachments(), f -> Map.of("upload_id", 5), 400,
                        "upload_id"),
                new Case("attaching a malformed upload id", "POST", attachments(), f -> Map.of("upload_id", "upl_x"), 400,
                        "upload ids"),
                new Case("attaching someone else's upload", "POST", attachments(),
                        f -> Map.of("upload_id", f.peerUploadId()), 400, "not one of your uploads"),
                new Case("attaching an upload that is already attached", "POST", attachments(),
                        f -> Map.of("upload_id", f.attachedUploadId()), 409, "already attached"),
                new Case("attaching to an unknown message", "POST", f -> "/api/messages/" + UNKNOWN_MESSAGE + "/attachments",
                        f -> Map.of("upload_id", f.textUploadId()), 404, "message"),
                post("upload_ids that is not a list", messages(), Map.of("body", "hi", "upload_ids", "upl_x"), 400,
                        "upload_ids"),
                post("upload_ids with a malformed id", messages(), Map.of("body", "hi", "upload_ids", List.of("nope")), 400,
                        "upload ids"),
                post("eleven upload_ids", messages(), Map.of("body", "hi", "upload_ids", eleven()), 400, "at most 10"),
                new Case("an upload listed twice", "POST", messages(), f -> Map.of("body", "hi", "upload_ids",
                        List.of(f.textUploadId(), f.textUploadId())), 400, "twice"),
                new Case("posting with someone else's upload", "POST", messages(), f -> Map.of("body", "hi", "upload_ids",
                        List.of(f.peerUploadId())), 400, "not one of your uploads"),
                new Case("posting with an upload already attached", "POST", messages(), f -> Map.of("body", "hi",
                        "upload_ids", List.of(f.textUploadId(), f.attachedUploadId())), 409, "already attached"),
                new Case("replying with someone else's upload", "POST", f -> "/api/messages/" + f.rootId() + "/thread/replies",
                        f -> Map.of("body", "hi", "upload_ids", List.of(f.peerUploadId())), 400, "not one of your uploads"),
                new Case("a direct message with someone else's upload", "POST", dmMessages(""),
                        f -> Map.of("body", "hi", "upload_ids", List.of(f.peerUploadId())), 400, "not one of your uploads"),
                new Case("an avatar that is not an image", "PATCH", f -> "/api/me",
                        f -> Map.of("avatar_upload_id", f.textUploadId()), 400, "PNG, JPEG or GIF"),
                new Case("an avatar from someone else's upload", "PATCH", f -> "/api/me",
                        f -> Map.of("avatar_upload_id", f.peerUploadId()), 400, "your own"),
                new Case("an avatar URL and an avatar upload at once", "PATCH", f -> "/api/me",
                        f -> Map.of("avatar_upload_id", f.textUploadId(), "avatar_url", "https://x.example/a.png"), 400,
                        "not both"),
                profile("a malformed avatar upload id", Map.of("avatar_upload_id", "nope"), "upload id"),
                // registered slash commands
                post("a command without a trigger", commands(), Map.of("url", "https://93.184.216.34/x"), 400,
                        "trigger is required"),
                post("a command trigger with a space", commands(), Map.of("trigger", "de ploy", "url",
                        "https://93.184.216.34/x"), 400, "trigger must be"),
                post("a command without a url", commands(), Map.of("trigger", "deploy"), 400, "url is required"),
                post("a command with an ftp url", commands(), Map.of("trigger", "deploy", "url", "ftp://93.184.216.34/x"),
                        400, "http"),
                post("a command calling back to loopback", commands(), Map.of("trigger", "deploy", "url",
                        "http://127.0.0.1:8080/x"), 400, "loopback"),
                post("a command calling back to the metadata service", commands(), Map.of("trigger", "deploy", "url",
                        "http://169.254.169.254/latest"), 400, "cloud metadata"),
                post("a command description over 200 characters", commands(), Map.of("trigger", "deploy", "url",
                        "https://93.184.216.34/x", "description", "d".repeat(201)), 400, "at most 200"),
                post("a command named like a built-in", commands(), Map.of("trigger", "/help", "url",
                        "https://93.184.216.34/x"), 409, "built-in"),
                post("revoking an unknown command", f -> "/api/commands/cmd_nope/revoke", null, 404, "command"),
                post("rotating an unknown command's secret", f -> "/api/commands/cmd_nope/rotate-secret", null, 404,
                        "command"),
                post("a delayed reply to an unknown response URL", f -> "/hooks/commands/ccr_nope", Map.of("text", "x"),
                        404, "response URL"),
                post("a delayed reply with a made-up response_type", f -> "/hooks/commands/ccr_nope",
                        Map.of("response_type", "loud", "text", "x"), 400, "response_type"),
                post("a delayed reply without text", f -> "/hooks/commands/ccr_nope", Map.of("response_type",
                        "in_channel"), 400, "text is required"),
                post("a delayed reply that is a JSON array", f -> "/hooks/commands/ccr_nope", List.of("x"), 400,
                        "JSON object"),
                new Case("/invite without a handle", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/invite"), 400, "usage: /invite"),
                new Case("/invite of someone outside the workspace", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/invite @nobody-at-all"), 404, "@nobody-at-all"),
                new Case("/leave in #general", "POST", f -> "/api/commands/execute",
                        f -> Map.of("channel_id", f.channelId(), "command", "/leave"), 403, "#general"),
                // outgoing event subscriptions
                post("a subscription without a url", subscriptions(), Map.of("event_types", List.of("*")), 400,
                        "url is required"),
                post("a subscription to a private address", subscriptions(), Map.of("url", "http://10.0.0.8/x",
                        "event_types", List.of("*")), 400, "private"),
                post("a subscription to an unknown event type", subscriptions(), Map.of("url", "https://93.184.216.34/x",
                        "event_types", List.of("message.exploded")), 400, "unknown event type"),
                post("a subscription without event types", subscriptions(), Map.of("url", "https://93.184.216.34/x",
                        "event_types", List.of()), 400, "event_types is required"),
                post("a subscription with * and more", subscriptions(), Map.of("url", "https://93.184.216.34/x",
                        "event_types", List.of("*", "message.created")), 400, "alone"),
                post("a subscription whose event_types is a string", subscriptions(), Map.of("url",
                        "https://93.184.216.34/x", "event_types", "*"), 400, "event_types"),
                post("pausing an unknown subscription", f -> "/api/event-subscriptions/sub_nope/pause", null, 404,
                        "event subscription"),
                post("resuming an unknown subscription", f -> "/api/event-subscriptions/sub_nope/resume", null, 404,
                        "event subscription"),
                delete("deleting an unknown subscription", f -> "/api/event-subscriptions/sub_nope", 404,
                        "event subscription"),
                get("the deliveries of an unknown subscription", f -> "/api/event-subscriptions/sub_nope/deliveries", 404,
                        "event subscription"),
                get("deliveries with limit 0", f -> "/api/event-subscriptions/sub_nope/deliveries?limit=0", 400,
                        "limit"));
    }

    private static Function<Fixture, String> uploads() {
        return f -> "/api/uploads?workspace_id=" + f.workspaceId();
    }

    private static Function<Fixture, String> attachments() {
        return f -> "/api/messages/" + f.rootId() + "/attachments";
    }

    /** A one-part multipart body with boundary {@code b}, closed or cut off. */
    private static Api.RawBody multipart(String disposition, String content, boolean closed) {
        var body = "--b\r\n" + disposition + "\r\n\r\n" + content + (closed ? "\r\n--b--\r\n" : "");
        return new Api.RawBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "multipart/form-data; boundary=b");
    }

    private static List<String> eleven() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 11; i++) {
            ids.add("upl_01JZZZZZZZZZZZZZZZZZZZZZZ" + (char) ('A' + i));
        }
        return ids;
    }

    private static Function<Fixture, String> hook() {
        return f -> "/hooks/" + f.webhookKey();
    }

    private static Function<Fixture, String> commands() {
        return f -> "/api/workspaces/" + f.workspaceId() + "/commands";
    }

    private static Function<Fixture, String> subscriptions() {
        return f -> "/api/workspaces/" + f.workspaceId() + "/event-subscriptions";
    }

    private static Function<Fixture, String> bots() {
        return f -> "/api/workspaces/" + f.workspaceId() + "/bots";
    }

    private static Function<Fixture, String> botTokens() {
        return f -> "/api/workspaces/" + f.workspaceId() + "/bots/" + f.botId() + "/tokens";
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAClientErrorThatSaysWhatIsWrongAndWritesNothing(Case bad) {
        long tailBefore = server.tailCursor();
        long messagesBefore = messageCount();
        String stateBefore = state();

        var response = owner.send(bad.method(), bad.path().apply(fixture), bad.body().apply(fixture));

        assertThat(response.status()).as("%s: %s", bad.name(), response.body()).isEqualTo(bad.status());
        assertThat(response.json()).as("a JSON body").isNotNull();
        assertThat(fieldNames(response)).as("only an error in %s", response.body()).containsExactly("error");
        assertThat(response.error()).as("the error says what is wrong").containsIgnoringCase(bad.says());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.tailCursor()).as("no event written").isEqualTo(tailBefore);
        assertThat(messageCount()).as("no message written").isEqualTo(messagesBefore);
        assertThat(state()).as("no row changed").isEqualTo(stateBefore);
    }

    @Order(2)
    @Test
    void theServerStillServesNormallyAfterAllThatBadInput() {
        var posted = owner.post("/api/channels/" + fixture.channelId() + "/messages", Map.of("body", "still here"));
        assertThat(posted.status()).isEqualTo(201);
    }

    private static long messageCount() {
        return server.app().database().read(c -> Sql.longValue(c, "SELECT count(*) FROM messages"));
    }

    private static String state() {
        return server.app().database().read(c -> Sql.one(c, STATE, row -> row.getString(1)).orElseThrow());
    }

    private static List<String> fieldNames(Api.Response response) {
        var names = new ArrayList<String>();
        response.json().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
