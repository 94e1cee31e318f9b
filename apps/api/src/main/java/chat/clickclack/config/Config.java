package chat.clickclack.config;

import chat.clickclack.auth.DevFallback;
import java.nio.file.Path;

/**
 * Everything a server or CLI command needs to know, after flags, environment and config file were merged.
 *
 * @param host              interface to listen on ("" = all)
 * @param port              port to listen on (0 = pick a free one)
 * @param dataDir           holds the database, uploads/ and logs/
 * @param databaseFile      the SQLite file
 * @param dev               dev fallback mode
 * @param synchronous       SQLite synchronous pragma: normal or full
 * @param publicUrl         the URL people use to reach the server (for sign-in links)
 * @param publicUrlConfigured whether public_url was given (otherwise it is derived from addr)
 * @param maxBodyBytes      largest accepted JSON body
 * @param replayWindowEvents most events a reconnecting WebSocket may replay before it must resync
 * @param subscriberBufferEvents how far a WebSocket subscriber may fall behind before it is disconnected
 * @param http              transport limits and HTTP hardening (deadlines, caps, trusted proxies, framing)
 * @param limits            rate limits, quotas and size caps against abuse
 * @param smtp              where sign-in mail goes out, or null (email sign-in off)
 * @param github            GitHub sign-in, or null (off)
 * @param observability     metrics listen address and access log
 * @param uploads           upload size limit and the sweeper of unattached uploads
 * @param callbacks         outgoing callbacks: allowed internal hosts, event delivery retries
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        Path databaseFile,
        DevFallback.Mode dev,
        String synchronous,
        String publicUrl,
        boolean publicUrlConfigured,
        long maxBodyBytes,
        int replayWindowEvents,
        int subscriberBufferEvents,
        HttpHardening http,
        Limits limits,
        Observability observability,
        Smtp smtp,
        GitHubOAuth github,
        UploadSettings uploads,
        Callbacks callbacks) {}
