// Generated from packages/protocol/openapi.yaml by `npm run generate -w packages/sdk-ts`.
// Do not edit: change the YAML and regenerate.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe (database migrated and writable) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/magic/consume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a magic-link token for a session
         * @description A magic token works once. With `"credential": "cookie"` (what the web app sends) the answer sets the
         *     `cc_session` cookie (HttpOnly, SameSite=Lax) and its secret appears nowhere in the body. Otherwise
         *     (`"bearer"`, the default: CLIs, bots, other API clients) no cookie is set and the body carries a bearer
         *     token of its own in `token` and `session.token` (30 days).
         */
        post: operations["consumeMagicToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/magic/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whose account a magic-link token signs in to, without using it
         * @description Lets the sign-in page say "This link signs you in as X. You are signed in as Y." and ask before
         *     switching accounts (login CSRF). The token stays usable. Credentials are optional here: when the
         *     request carries a working session, `signed_in_as` names its user. Rate limited with sign-in (`rate_sign_in`, per client IP).
         */
        post: operations["inspectMagicToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the current session
         * @description Revokes the caller's session, clears the cookie and closes its sockets with 1008.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which sign-in methods this server offers
         * @description `github` is true when GitHub sign-in is configured (`github_client_id`, `github_client_secret`), `email`
         *     when sign-in links can be mailed (`smtp_url`, `smtp_from`). Magic links printed by the CLI always work.
         */
        get: operations["getSignInProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/magic/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a one-time sign-in link
         * @description Answers 202 with the same body whether or not the address has an account (no account enumeration),
         *     and mails the link afterwards. An address without an account gets a link only with a usable
         *     `invite_token`, which creates the account (so an invitee can join by email); a disabled account
         *     gets none. The link opens `/app/login?token=…` (plus `&invite=…` with an invite) on `public_url`.
         *     Rate limited per client IP (`rate_email_link_ip`) and per address (`rate_email_link_address`).
         *     501 when SMTP is not configured.
         */
        post: operations["requestMagicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/github/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start GitHub sign-in (a browser navigation)
         * @description Redirects to GitHub's authorize page with a one-time `state` and a PKCE S256 challenge, and binds the
         *     flow to this browser with the short-lived HttpOnly cookie `cc_github` (10 minutes). With `invite`, the
         *     callback returns to that invite's page, and a GitHub account new here may sign up with it. A browser
         *     already signed in (cookie) links the GitHub account to its user. 501 when not configured.
         */
        get: operations["startGitHubSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/github/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GitHub's redirect back; signs the browser in
         * @description Checks the `state` (issued here, unused, younger than 10 minutes) against the browser's `cc_github`
         *     cookie, exchanges `code` with the PKCE verifier, reads the GitHub user (and their organizations when
         *     `github_allowed_org` is set), finds the user by GitHub's numeric id (never by email) or creates one
         *     (only with the allowed org or a usable invite), sets `cc_session` and redirects to `/app` or back to
         *     the invite. A forged or replayed state is 400, a code GitHub refuses 401, a user outside the allowed
         *     org or without an account 403, a disabled account 403, GitHub unreachable 502.
         */
        get: operations["finishGitHubSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invite link opens (public)
         * @description The invite page shows this before anyone signs in: the workspace's name, when the invite expires and
         *     how many uses are left (absent: no limit). Unknown → 404; revoked, expired or used up → 410 with a
         *     message that says which. Rate limited with sign-in (`rate_sign_in`, per client IP).
         */
        get: operations["getInvite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a workspace with an invite */
        post: operations["acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update the caller's profile */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's active sessions (browser cookies and bearer tokens), newest first
         * @description Never their secrets. `current` marks the one this request used; `last_used_at` is updated at most every 5 minutes. A bot token gets 403 (bot tokens are listed and revoked by the workspace's owners and moderators).
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign a session out (here or elsewhere)
         * @description Revokes one of the caller's own sessions and closes its sockets with 1008; revoking the current cookie session clears the cookie. Another user's session, or one already revoked, is 404.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspaces the caller belongs to */
        get: operations["listWorkspaces"];
        put?: never;
        /** Create a workspace (and its `#general` channel) */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        /**
         * Delete the workspace and everything in it (the owner only)
         * @description `confirm` must be the workspace's slug (400 otherwise). Every channel, message, event, read pointer,
         *     conversation, pin, invite, bot account (with its tokens) and webhook of the workspace is deleted in one
         *     transaction; people stay. No event is written (the workspace's event log goes with it): its open
         *     WebSockets close with **4002** ("workspace deleted") and every later request about it answers 404.
         */
        delete: operations["deleteWorkspace"];
        options?: never;
        head?: never;
        /**
         * Rename the workspace, change its slug or icon
         * @description Owners and moderators. `icon` is one emoji or one or two letters or digits (`""` removes it; an uploaded
         *     image icon may come later). `event` is `workspace.updated` (`{workspace_id, name, slug, icon?}`).
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the workspace to another member
         * @description The owner only. The member becomes `owner` and the caller `moderator`; `workspace` is as the caller
         *     sees it afterwards. `event` is `workspace.ownership_transferred` (`{workspace_id, from_user_id,
         *     to_user_id}`). 404 when the person is not a member; 409 for oneself or a bot account.
         */
        post: operations["transferWorkspaceOwnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members of a workspace
         * @description By display name. Without `limit` or `cursor` the answer holds every (matching) member and `has_more` is false; with either, one page and `next_cursor` while more follow.
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (owner/moderator)
         * @description Writes `member.removed`, closes the removed user's sockets with 1008 and refuses their next request
         *     (403). Only the owner removes a moderator; an owner cannot be removed (409).
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description The owner only; `role` is `moderator`, `member` or `guest`. An owner's role changes only by
         *     transfer, a bot keeps `bot` (409). `event` is `member.updated` (`{user_id, role, user}`).
         */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's invites (owner/moderator), newest first; never their tokens */
        get: operations["listInvites"];
        put?: never;
        /**
         * Create an invite link (owner/moderator)
         * @description Answers the token once (only its hash is stored) and the link to share, `{public_url}/app/invite/{token}`.
         *     `expires_in` is in seconds (300 to 31536000; default 7 days), `max_uses` 1 to 100000 (default: no limit).
         */
        post: operations["createInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/invites/{invite_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invite (owner/moderator)
         * @description Its token stops working at once (accepting it answers 410). Revoking it again changes nothing.
         */
        delete: operations["revokeInvite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is online in a workspace */
        get: operations["listPresence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/bots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's bot accounts with their tokens (owner/moderator); never the tokens' secrets */
        get: operations["listBots"];
        put?: never;
        /**
         * Create a bot account and its first token (owner/moderator)
         * @description The bot is a user of kind `bot`, a member of this workspace only, with the role `bot` (writes
         *     `member.joined`). The answer carries the raw token in `bot_token.token` (`ccb_…`): it is shown
         *     only here. Without `scopes` the token gets `channels:read`, `messages:read`, `messages:write`
         *     and `realtime:read`.
         */
        post: operations["createBot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/bots/{bot_id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bot's tokens with their scopes and last-used time (owner/moderator); never their secrets */
        get: operations["listBotTokens"];
        put?: never;
        /** Issue another token for a bot (owner/moderator); the secret is in the answer only */
        post: operations["createBotToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bot-tokens/{bot_token_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a bot token (owner/moderator of its workspace)
         * @description The token stops working at once (401) and every WebSocket it opened is closed with 1008.
         *     Revoking it again changes nothing.
         */
        post: operations["revokeBotToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post to a channel through an incoming webhook (Mattermost-shaped)
         * @description The key in the URL is the credential (no other authentication). The body is Mattermost's: JSON, or a
         *     form whose field `payload` holds the JSON (`curl -d '{"text": …}' URL` also works: a form body that is a
         *     JSON object is read as JSON). `text` and/or `attachments` (rendered as Markdown: pretext, author,
         *     title/link, text, fields, image link, footer, a coloured square for `color`); `channel` posts to
         *     another channel of the same workspace, by name or id. `username` and `icon_url` become the message's
         *     `override_username` / `override_icon_url` (its author stays the webhook's bot). Answers 200 with the
         *     text `ok`, as Mattermost does.
         */
        post: operations["postIncomingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hooks/mattermost/{channel_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a Mattermost webhook payload as the caller (the original ClickClack endpoint)
         * @description The same body as `POST /hooks/{key}` (JSON, or a form with `payload=`), posted by the authenticated
         *     caller as themselves into the channel of the path (a `channel` field is ignored). Bot tokens need
         *     `messages:write`.
         */
        post: operations["postMattermostPayload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's incoming webhooks (owner/moderator); never their keys */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create an incoming webhook for a channel (owner/moderator)
         * @description It posts as a new bot account named after it (writes `member.joined`). The key for `/hooks/{key}` is
         *     in `webhook.key`, only in this answer.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a webhook a new key (owner/moderator of its workspace); the old URL stops working at once */
        post: operations["rotateWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a webhook (owner/moderator of its workspace); its URL answers 404 from now on
         * @description Revoking it again changes nothing.
         */
        post: operations["revokeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commands/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a slash command in a channel, a direct conversation or a thread (a composer line starting with '/')
         * @description `/shrug [text]` and `/me <action>` post a message as the caller (a reply when `thread_root_id` is set); `/topic <text>` sets the channel's
         *     topic; `/status <molting|lurking|afk|clear|emoji text>` sets the caller's status; `/help` lists them.
         *     `in_channel` answers carry what was written (`message`, `event`); `ephemeral` ones only a `text` for the
         *     caller. An unknown command answers 404. Bot tokens need `commands:write`. Rate limited like posting.
         */
        post: operations["executeCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The slash commands of a workspace, built-in and registered, with descriptions (any member)
         * @description What the composer autocompletes from: every built-in command (`builtin: true`) and every live
         *     registered command of the workspace. `url`, `bot_id`, `created_by` and `created_at` are shown to
         *     owners and moderators only. Revoked commands are not listed.
         */
        get: operations["listCommands"];
        put?: never;
        /**
         * Register a slash command answered by a callback URL (owner/moderator)
         * @description `/trigger` then POSTs a signed form to `url` (see "Registered slash commands" in docs/api.md). The
         *     `secret` that signs the callbacks is only in this answer (and in rotate-secret's). The command posts its
         *     `in_channel` replies as its own new bot account. The URL must pass the callback safety rules (http(s),
         *     a public address unless its host is in `allowed_callback_hosts`): otherwise 400. A trigger that is a
         *     built-in or another live command of the workspace: 409.
         */
        post: operations["registerCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commands/{command_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a registered command (owner/moderator); its trigger is free again, its response URLs die
         * @description Revoking it again changes nothing.
         */
        post: operations["revokeCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commands/{command_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret for a registered command (owner/moderator); the old one stops signing at once */
        post: operations["rotateCommandSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/commands/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A delayed reply to a registered command (its `response_url`)
         * @description The token in the URL is the credential (no other authentication); it is valid for 30 minutes and
         *     5 replies, then answers 410 (unknown tokens 404). The body is a command reply
         *     `{response_type: in_channel|ephemeral, text}` (default ephemeral). `in_channel` posts as the command's
         *     bot; `ephemeral` reaches only the caller's open sessions, as the ephemeral realtime event
         *     `command.ephemeral`.
         */
        post: operations["postCommandResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/event-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's outgoing event subscriptions (owner/moderator); never their secrets */
        get: operations["listEventSubscriptions"];
        put?: never;
        /**
         * Subscribe a callback URL to the workspace's durable events (owner/moderator)
         * @description Events written after this call whose type is in `event_types` (or all, with `["*"]`) and whose audience
         *     is the whole workspace are POSTed to `url`, signed like command callbacks, in order, at least once (see
         *     "Outgoing events" in docs/api.md). The secret is only in this answer. The URL must pass the callback
         *     safety rules: otherwise 400.
         */
        post: operations["createEventSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/event-subscriptions/{subscription_id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause deliveries (owner/moderator); events keep accumulating behind the cursor */
        post: operations["pauseEventSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/event-subscriptions/{subscription_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume deliveries from the subscription's cursor (owner/moderator), retrying at once */
        post: operations["resumeEventSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/event-subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a subscription and its delivery log (owner/moderator) */
        delete: operations["deleteEventSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/event-subscriptions/{subscription_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscription's delivery log, newest first (owner/moderator) */
        get: operations["listEventDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{workspace_id}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channels of a workspace (archived ones included, flagged by `archived_at`)
         * @description Without `limit` or `cursor` the answer holds every channel, by name. With either, it holds one page by name and `next_cursor` while more follow (pass it as `cursor` for the next page).
         */
        get: operations["listChannels"];
        put?: never;
        /** Create a public channel */
        post: operations["createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One channel */
        get: operations["getChannel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the topic, archive or unarchive */
        patch: operations["updateChannel"];
        trace?: never;
    };
    "/api/channels/{channel_id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join a channel
         * @description Any workspace member may join a public channel. Joining a channel one is already in writes nothing
         *     and answers without `event`; otherwise `event` is `channel.member_joined`.
         */
        post: operations["joinChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Leave a channel
         * @description Everyone stays in #general (403). Leaving a channel one is not in writes nothing and answers without
         *     `event`; otherwise `event` is `channel.member_left`.
         */
        post: operations["leaveChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel's members, by display name */
        get: operations["listChannelMembers"];
        put?: never;
        /**
         * Add a workspace member to the channel
         * @description Members of the channel, and the workspace's owners and moderators, may add someone. The person must
         *     be a member of the workspace (404 otherwise). 201 with `event` (`channel.member_joined`, payload
         *     `added_by`) when added; 200 without `event` when they already were a member.
         */
        post: operations["addChannelMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take someone out of the channel
         * @description Anyone may remove themselves (as leave); only owners and moderators may remove someone else. Nobody
         *     leaves #general (403). 404 when the person is not in the channel. `event` is `channel.member_left`
         *     (payload `removed_by` when someone else removed them).
         */
        delete: operations["removeChannelMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/pins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel's pinned messages, newest pin first */
        get: operations["listPins"];
        put?: never;
        /**
         * Pin one of the channel's messages
         * @description Anyone who can see the channel may pin. At most 100 pins per channel: past that, or for a message
         *     already pinned, 409; a deleted message is 409 too, one of another channel 404. `event` is `pin.added`.
         */
        post: operations["pinMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/pins/{message_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unpin a message
         * @description 404 when the message is not pinned in the channel. `event` is `pin.removed`.
         */
        delete: operations["unpinMessage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notification preference in the channel
         * @description `all` when the caller has not joined the channel.
         */
        get: operations["getChannelNotificationSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's notification preference in the channel
         * @description Members of the channel only (409 otherwise). Private to the caller; writes no event.
         */
        patch: operations["updateChannelNotificationSettings"];
        trace?: never;
    };
    "/api/channels/{channel_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the caller's read pointer in a channel
         * @description The pointer only moves forward and is capped at the channel's `last_seq`: an older or equal `seq`
         *     answers the current receipt and writes nothing. A move writes a `channel.read` event whose
         *     audience is the caller alone, so their other tabs and devices clear the badge; no other member
         *     receives it on any path (socket, replay, HTTP catch-up).
         */
        post: operations["markChannelRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{channel_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the channel timeline (root messages only)
         * @description `after_seq`, `before_seq` and `around_seq` are mutually exclusive (400 if combined) and
         *     also exclusive with `mode=latest`. With none of them the newest page is returned.
         *     Messages are always ascending by `channel_seq`; each root carries its `thread_state`.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Post a root message
         * @description A retry carrying the same `nonce` (same author, same channel) returns the original
         *     message and event with 200 instead of creating a duplicate.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's direct conversations in a workspace (not the hidden ones) */
        get: operations["listDms"];
        put?: never;
        /**
         * Open a direct conversation with up to 7 others (the caller is included)
         * @description Every member must belong to the workspace. The same member set is always the same
         *     conversation: 201 when it is new, 200 with the existing one (reopened for the caller if hidden).
         */
        post: operations["createDm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dms/{dm_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One direct conversation (members only; anyone else gets 404) */
        get: operations["getDm"];
        put?: never;
        post?: never;
        /** Hide the conversation for the caller only (a new message reopens it) */
        delete: operations["hideDm"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dms/{dm_id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unhide the conversation for the caller */
        post: operations["openDm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dms/{dm_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the conversation (root messages only), paged like a channel
         * @description The same parameters and answer as `GET /api/channels/{channel_id}/messages`; a DM root's
         *     `channel_seq` is its position in the conversation (1..`last_seq`).
         */
        get: operations["listDmMessages"];
        put?: never;
        /**
         * Post a message in the conversation
         * @description Like a channel post (nonce retries answer 200 with the original). The `message.created`
         *     event reaches only the conversation's members, and the message reopens the conversation
         *     for every member who hid it.
         */
        post: operations["sendDmMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dms/{dm_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the caller's read pointer in a direct conversation
         * @description Like `POST /api/channels/{channel_id}/read`: forward only, capped at the conversation's
         *     `last_seq`. A move writes a `dm.read` event for the caller alone (their other sessions).
         */
        post: operations["markDmRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message (root or reply) */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        /**
         * Delete a message (author or workspace owner/moderator)
         * @description The message keeps its place with `body = ""` and `deleted_at` set. Deleting an already deleted message changes nothing and writes no event: the answer is the same message with the `message.deleted` event that first announced it (absent once that event has been pruned from the log).
         */
        delete: operations["deleteMessage"];
        options?: never;
        head?: never;
        /** Edit a message (author only) */
        patch: operations["editMessage"];
        trace?: never;
    };
    "/api/messages/{message_id}/thread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A thread root with its replies */
        get: operations["getThread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_id}/thread/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply in a thread
         * @description `message_id` must be a root message; a reply to a reply is rejected with 400.
         *     `events` holds `thread.reply_created` then `thread.state_updated`. A repeated `nonce`
         *     returns the original reply with 200.
         */
        post: operations["replyInThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_id}/reactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * React to a message
         * @description 409 when the message is deleted, or when it already carries the most distinct emoji allowed (`reaction_emoji_per_message`, 50 by default) and this emoji is not one of them. Rate limited per user (`rate_reaction`).
         */
        post: operations["addReaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_id}/reactions/{emoji}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the caller's reaction */
        delete: operations["removeReaction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the messages the caller may read in a workspace
         * @description Only messages the caller may read: the workspace's channels and the caller's own direct
         *     conversations; never another workspace's. Deleted messages are never found; an edited one is
         *     found by its new words only.
         *
         *     `q` (≤ 500 characters) is a Slack-style query: words (all must match), `"exact phrase"`,
         *     `prefix*`, and the modifiers `from:@handle`, `in:#channel`, `before:YYYY-MM-DD`,
         *     `after:YYYY-MM-DD` (UTC days, both exclusive), `has:link`, `has:file` (messages with
         *     attachments) and `is:thread` (replies, and roots that have replies). Anything else is
         *     searched as text: `AND`, `NEAR`, `-`, `*` and stray quotes are never query syntax. A query
         *     with nothing searchable left (only punctuation or emoji), a modifier with a bad value, or more
         *     than 32 words answers 400. A query of modifiers only lists matching messages newest first.
         */
        get: operations["searchMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file into a workspace (multipart, form field `file`)
         * @description The file is streamed to disk while it is counted and hashed, never held in memory. Past
         *     `max_upload_bytes` (64 MiB by default) the answer is 413 and nothing is kept. The content type is
         *     sniffed from the bytes (the client's is ignored); images get `width` and `height`. The upload is
         *     readable by its uploader until it is attached to a message, then by whoever can read that message.
         *     An upload that is never attached is removed after a day. Bots need the `uploads:write` scope.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of an upload
         * @description For the uploader before it is attached, then for whoever can read a message it is attached to
         *     (404 for everyone else, and once every such message is deleted). Served with
         *     `X-Content-Type-Options: nosniff`, `Content-Security-Policy: default-src 'none'; sandbox`,
         *     `ETag` (the SHA-256), `Cache-Control: private, max-age=31536000, immutable` and
         *     `Content-Disposition: inline` for PNG, JPEG, GIF and WebP only; everything else (SVG and HTML
         *     included) is `attachment`. `Range: bytes=…` answers 206 (one range) or 416; `If-None-Match` 304.
         */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{upload_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A small preview of an image upload (at most 400×400, PNG or JPEG)
         * @description Made on first request and cached on disk; same access rule and cache headers as the upload.
         *     404 for uploads that are not images (see `thumbnail_url` on the upload).
         */
        get: operations["getUploadThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/avatars/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's avatar image (256×256 PNG)
         * @description The square avatar made from the upload a user chose with `PATCH /api/me {avatar_upload_id}`; the
         *     `avatar_url` of that user points here. Served to the user and to members of a workspace they share
         *     (404 otherwise), cacheable for a year (a new avatar gets a new URL).
         */
        get: operations["getAvatar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach an upload to a message (its author only)
         * @description The upload must be the caller's own, in the message's workspace and not attached yet (409 if it
         *     is); a message holds at most 10 attachments. The message's audience gets `message.updated`
         *     carrying the message with its `attachments`.
         */
        post: operations["attachUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/realtime/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the durable event log of a workspace
         * @description Events strictly after `after_cursor`, oldest first (from the start of the retained log
         *     without it). 410 means the cursor is unknown or pruned: refetch state, then continue
         *     from `tail_cursor`. `include_tail=true` adds `tail_cursor`, the newest cursor of the
         *     workspace right now (absent when the log is empty), which is where a fresh client starts.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/realtime/ephemeral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a typing or presence signal
         * @description Ephemeral events are fanned out to connected sockets, never stored, and may drop.
         */
        post: operations["publishEphemeral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/realtime/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * WebSocket stream of a workspace's events
         * @description Upgrades to a WebSocket. Server → client only: one JSON object per text frame, either a
         *     durable `Event` (has `cursor`) or an `EphemeralEvent` (no `cursor`).
         *
         *     Authentication: the `cc_session` cookie (browsers), `Authorization: Bearer <token>`, or
         *     the subprotocol `clickclack.bearer.<token>` in `Sec-WebSocket-Protocol`; the server
         *     echoes that subprotocol back, as browsers require. Browsers cannot set headers on a
         *     WebSocket, which is why the token may travel as a subprotocol.
         *
         *     With `after_cursor`, every durable event after it is replayed exactly once, in order,
         *     before live events. An unknown or pruned cursor, or a gap larger than the replay
         *     window, is answered by closing with 4001: refetch over HTTP, then reconnect from a
         *     fresh `tail_cursor`. See `x-close-codes` for every close code.
         *
         *     A handshake without `Sec-WebSocket-Key` (or not version 13) is a 400; refusals before the
         *     upgrade carry the usual `{"error": ...}` body.
         */
        get: operations["connectRealtime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @example usr_01JD3K8Q2Z9X4M5N6P7R8S9T0V */
        UserId: string;
        WorkspaceId: string;
        ChannelId: string;
        DirectConversationId: string;
        /** @description A direct conversation of 2 to 8 workspace members; `last_seq` is its newest root message's `channel_seq`. */
        DirectConversation: {
            id: components["schemas"]["DirectConversationId"];
            workspace_id: components["schemas"]["WorkspaceId"];
            /** Format: date-time */
            created_at: string;
            members: components["schemas"]["User"][];
            last_seq: number;
            /** @description The caller's read pointer (0 when never marked); absent in events, which all members share. */
            last_read_seq?: number;
            /** @description Root messages after the pointer written by others; absent in events. */
            unread_count?: number;
            /** @description Unread messages that mention the caller; absent in events. */
            mention_count?: number;
        };
        DirectConversationResponse: {
            conversation: components["schemas"]["DirectConversation"];
        };
        DirectConversationList: {
            conversations: components["schemas"]["DirectConversation"][];
        };
        CreateDmRequest: {
            workspace_id: components["schemas"]["WorkspaceId"];
            /** @description The other members; the caller is added (and may be listed). */
            member_ids: components["schemas"]["UserId"][];
        };
        OkTrue: {
            /** @constant */
            ok: true;
        };
        MessageId: string;
        EventId: string;
        SessionId: string;
        /** @description Opaque position in a workspace's event log; sorts by time. Store it, send it back. */
        Cursor: string;
        /** @enum {string} */
        Role: "owner" | "moderator" | "member" | "guest" | "bot";
        User: {
            id: components["schemas"]["UserId"];
            /** @enum {string} */
            kind: "human" | "bot";
            display_name: string;
            /** @description Unique on the instance, lowercase; shown as `@handle`. */
            handle: string;
            /** @description An http(s) URL, a server-relative `/api/avatars/{upload_id}` for an uploaded avatar, or the empty string when the user has no avatar. */
            avatar_url: string;
            /** @description Omitted when the user has no status or it has expired. */
            status?: components["schemas"]["UserStatus"];
            /** Format: date-time */
            created_at: string;
        };
        UserStatus: {
            /**
             * @description molting 🦞, lurking 👀, afk 🌊, or custom (any one emoji).
             * @enum {string}
             */
            preset: "molting" | "lurking" | "afk" | "custom";
            emoji: string;
            text: string;
            /**
             * Format: date-time
             * @description Omitted when the status does not expire; past it the status is no longer shown.
             */
            expires_at?: string;
        };
        Workspace: {
            id: components["schemas"]["WorkspaceId"];
            name: string;
            slug: string;
            /** @description The caller's role in this workspace. */
            role: components["schemas"]["Role"];
            /** Format: date-time */
            created_at: string;
            /** @description One emoji or one or two letters; absent when none was set. */
            icon?: string;
        };
        Member: {
            user: components["schemas"]["User"];
            role: components["schemas"]["Role"];
            /** Format: date-time */
            joined_at: string;
        };
        Channel: {
            id: components["schemas"]["ChannelId"];
            workspace_id: components["schemas"]["WorkspaceId"];
            name: string;
            /**
             * @description A private channel is invisible to everyone outside it, on every path.
             * @enum {string}
             */
            kind: "public" | "private";
            topic: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            archived_at?: string;
            /** @description The highest `channel_seq` in the channel (0 when empty). */
            last_seq: number;
            /** @description The caller's read pointer (0 until they mark the channel read). Present in channel list and get answers, absent in events and create/update answers, which are not per user. */
            last_read_seq?: number;
            /** @description Root messages after `last_read_seq` that are not deleted and were written by someone else; present where `last_read_seq` is. */
            unread_count?: number;
            /** @description Unread messages that mention the caller (by handle, or `@channel` / `@here`), not deleted and written by someone else: root messages after `last_read_seq` and thread replies written after the caller last moved their read pointer. Present where `last_read_seq` is. */
            mention_count?: number;
            /** @description Whether the caller is in the channel (the sidebar shows these). Present where `last_read_seq` is. */
            is_member?: boolean;
            /** @description How many people are in the channel. Present where `last_read_seq` is. */
            member_count?: number;
            /** @description The caller's preference; present in list and get answers when `is_member` is true. */
            notification_preference?: components["schemas"]["NotificationPreference"];
        };
        ThreadState: {
            root_message_id: components["schemas"]["MessageId"];
            reply_count: number;
            /** Format: date-time */
            last_reply_at?: string;
            /** @description The most recent distinct reply authors, newest first. */
            last_reply_author_ids: components["schemas"]["UserId"][];
        };
        Reaction: {
            emoji: string;
            count: number;
            reacted_by_me: boolean;
            /** @description The first people who reacted with this emoji, earliest first (at most 10; `count` says how many in all). */
            reacted_by: components["schemas"]["Reactor"][];
        };
        Reactor: {
            id: components["schemas"]["UserId"];
            display_name: string;
        };
        /** @description The changed emoji's summary as carried in `reaction.*` event payloads (reader-independent, so no `reacted_by_me`). `count` is 0 when the last reaction with this emoji was removed. */
        ReactionChange: {
            emoji: string;
            count: number;
            reacted_by: components["schemas"]["Reactor"][];
        };
        /**
         * @description Roots: no `parent_message_id`, `thread_root_id = id`, `channel_seq` 1..N, no `thread_seq`,
         *     `thread_state` once it has replies. Replies: `parent_message_id = thread_root_id =` the root's id,
         *     no `channel_seq`, `thread_seq` 1..N, no `thread_state`. Fields without a value are omitted, never null.
         *     Deleted messages keep their place with `body = ""` and `deleted_at` set.
         *     A message has exactly one of `channel_id` and `direct_conversation_id`.
         */
        Message: {
            id: components["schemas"]["MessageId"];
            workspace_id: components["schemas"]["WorkspaceId"];
            /** @description Set for a channel message; absent for a direct message. */
            channel_id?: components["schemas"]["ChannelId"];
            /** @description Set for a direct message (then `channel_id` is absent); absent in channels. */
            direct_conversation_id?: components["schemas"]["DirectConversationId"];
            author_id: components["schemas"]["UserId"];
            author: components["schemas"]["User"];
            parent_message_id?: string;
            thread_root_id: components["schemas"]["MessageId"];
            channel_seq?: number;
            thread_seq?: number;
            body: string;
            /** @enum {string} */
            body_format: "markdown";
            nonce?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            edited_at?: string;
            /** Format: date-time */
            deleted_at?: string;
            /** @description Roots with replies only. */
            thread_state?: components["schemas"]["ThreadState"];
            reactions: components["schemas"]["Reaction"][];
            /** @description Workspace members the body mentions by `@handle`, in the order it names them, without duplicates; computed when the message is posted or edited (empty for none, and for a deleted message). Handles inside code spans, code blocks, link destinations, URLs and email addresses do not count, and unknown handles stay plain text. */
            mentioned_user_ids: components["schemas"]["UserId"][];
            /** @description The body says `@channel` or `@here`: it mentions everyone in the channel (today every workspace member). Kept as a flag, not expanded into `mentioned_user_ids`. */
            mentions_channel: boolean;
            /** @description The name an incoming webhook posted under (Mattermost's `username`); the author stays its bot. Omitted when unset. */
            override_username?: string;
            /** @description The avatar (http(s)) an incoming webhook posted under (Mattermost's `icon_url`). Omitted when unset. */
            override_icon_url?: string;
            /** @description The uploads attached to the message, in order; omitted when there are none and for a deleted message. */
            attachments?: components["schemas"]["Upload"][];
        };
        UploadId: string;
        /**
         * @description A stored file. `content_type` is sniffed from the bytes. `width`/`height` (pixels) and
         *     `thumbnail_url` are set for images only. `url` and `thumbnail_url` are server-relative paths.
         */
        Upload: {
            id: components["schemas"]["UploadId"];
            workspace_id: components["schemas"]["WorkspaceId"];
            owner_id: components["schemas"]["UserId"];
            filename: string;
            content_type: string;
            byte_size: number;
            sha256: string;
            width?: number;
            height?: number;
            /** @description `/api/uploads/{id}` */
            url: string;
            /** @description `/api/uploads/{id}/thumbnail`; images only. */
            thumbnail_url?: string;
            /** Format: date-time */
            created_at: string;
        };
        UploadResponse: {
            upload: components["schemas"]["Upload"];
        };
        AttachUploadRequest: {
            upload_id: components["schemas"]["UploadId"];
        };
        Session: {
            id: components["schemas"]["SessionId"];
            user_id: components["schemas"]["UserId"];
            /** @description Bearer sign-ins only (same as the answer's `token`). */
            token?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at?: string;
        };
        Presence: {
            user_id: components["schemas"]["UserId"];
            /**
             * @description `away`: the client said so, or nothing the user did reached the server for 5 minutes.
             * @enum {string}
             */
            status: "online" | "away" | "offline";
            /**
             * Format: date-time
             * @description When the status last changed (absent if never seen since the server started).
             */
            since?: string;
        };
        /** @enum {string} */
        DurableEventType: "workspace.created" | "workspace.updated" | "workspace.ownership_transferred" | "member.updated" | "member.joined" | "member.removed" | "channel.created" | "channel.updated" | "channel.member_joined" | "channel.member_left" | "pin.added" | "pin.removed" | "message.created" | "message.updated" | "message.deleted" | "thread.reply_created" | "thread.state_updated" | "reaction.added" | "reaction.removed" | "channel.read" | "user.updated" | "dm.created" | "dm.read";
        /** @enum {string} */
        EphemeralEventType: "typing.started" | "typing.stopped" | "presence.changed" | "command.ephemeral";
        /**
         * @description A durable event from the workspace log. `payload` carries the ids and the affected
         *     object, so subscribers need no follow-up fetch; see the `*EventPayload` schemas.
         */
        Event: {
            id: components["schemas"]["EventId"];
            cursor: components["schemas"]["Cursor"];
            type: components["schemas"]["DurableEventType"];
            workspace_id: components["schemas"]["WorkspaceId"];
            channel_id?: string;
            /** @description The message's `channel_seq` or `thread_seq` when the event concerns one. */
            seq?: number;
            /** Format: date-time */
            created_at: string;
            /** @description Open by design; its shape depends on `type`. */
            payload: {
                [key: string]: unknown;
            };
        };
        /**
         * @description A typing or presence signal, or a delayed ephemeral command reply (`command.ephemeral`, only to the
         *     caller's own sessions, payload `{command_id, trigger, text}` and `thread_root_id` when run in a thread). Never stored, has no cursor, may be dropped.
         */
        EphemeralEvent: {
            type: components["schemas"]["EphemeralEventType"];
            workspace_id: components["schemas"]["WorkspaceId"];
            channel_id?: string;
            /** @description Typing in a direct conversation; only its members receive it. */
            direct_conversation_id?: components["schemas"]["DirectConversationId"];
            user_id: components["schemas"]["UserId"];
            /** Format: date-time */
            created_at: string;
            /** @description `presence.changed`: `{status: online|away|offline}`; typing: usually `{}`; `command.ephemeral`: `{command_id, trigger, text}`. */
            payload: {
                [key: string]: unknown;
            };
        };
        Error: {
            /** @description A human-readable message. */
            error: string;
        };
        /** @description `channel.read`: sent only to the user whose pointer moved (their other sessions). */
        ChannelReadEventPayload: {
            channel_id: components["schemas"]["ChannelId"];
            receipt: components["schemas"]["Receipt"];
        };
        /** @description `dm.read`: sent only to the user whose pointer moved (their other sessions). */
        DmReadEventPayload: {
            direct_conversation_id: components["schemas"]["DirectConversationId"];
            receipt: components["schemas"]["Receipt"];
        };
        /** @description `dm.created`: a conversation was started; sent only to its members. Read state is absent. */
        DmCreatedEventPayload: {
            conversation: components["schemas"]["DirectConversation"];
        };
        Receipt: {
            /** @description The channel's or the direct conversation's id. */
            scope_id: string;
            user_id: components["schemas"]["UserId"];
            last_read_seq: number;
            /** Format: date-time */
            last_read_at: string;
        };
        MarkReadRequest: {
            /** @description The `channel_seq` of the newest message read; capped at the channel's `last_seq`. */
            seq: number;
        };
        ReceiptResponse: {
            receipt: components["schemas"]["Receipt"];
        };
        /** @description `channel.created`, `channel.updated` */
        ChannelEventPayload: {
            channel_id: components["schemas"]["ChannelId"];
            channel: components["schemas"]["Channel"];
        };
        /** @description `message.created`, `message.updated`, `message.deleted` */
        MessageEventPayload: {
            message_id: components["schemas"]["MessageId"];
            author_id: components["schemas"]["UserId"];
            message: components["schemas"]["Message"];
        };
        /** @description `thread.reply_created` */
        ThreadReplyCreatedEventPayload: {
            message_id: components["schemas"]["MessageId"];
            root_message_id: components["schemas"]["MessageId"];
            author_id: components["schemas"]["UserId"];
            message: components["schemas"]["Message"];
        };
        /** @description `thread.state_updated` */
        ThreadStateUpdatedEventPayload: {
            root_message_id: components["schemas"]["MessageId"];
            thread_state: components["schemas"]["ThreadState"];
        };
        /** @description `reaction.added`, `reaction.removed`: who changed which emoji, and that one emoji's new summary. The event's size does not grow with the number of emoji on the message; other emoji are unchanged. */
        ReactionEventPayload: {
            message_id: components["schemas"]["MessageId"];
            user_id: components["schemas"]["UserId"];
            emoji: string;
            reaction: components["schemas"]["ReactionChange"];
        };
        /** @description `member.joined`, `member.removed` */
        MemberEventPayload: {
            user_id: components["schemas"]["UserId"];
            role: components["schemas"]["Role"];
            user: components["schemas"]["User"];
        };
        /** @description `user.updated`: a member changed their profile or status; written once to every workspace they belong to. */
        UserEventPayload: {
            user_id: components["schemas"]["UserId"];
            user: components["schemas"]["User"];
        };
        /** @description `workspace.created` */
        WorkspaceEventPayload: {
            workspace_id: components["schemas"]["WorkspaceId"];
            workspace: components["schemas"]["Workspace"];
        };
        MagicConsumeRequest: {
            token: string;
            /**
             * @description `cookie`: a browser session in the HttpOnly cookie only; `bearer` (when absent): a token in the body.
             * @enum {string}
             */
            credential?: "cookie" | "bearer";
        };
        MagicInspectRequest: {
            token: string;
        };
        /** @description Every field is optional; a field left out is unchanged. At least one is required. */
        UpdateMeRequest: {
            display_name?: string;
            /** @description 2–32 of `a-z 0-9 _ -` (a leading `@` is dropped, letters are lowercased); 409 when taken. */
            handle?: string;
            /** @description An absolute http(s) URL, or the empty string to remove the avatar. */
            avatar_url?: string;
            /** @description One of the caller's own image uploads: cropped to a centred square and scaled to 256×256; the user's `avatar_url` becomes `/api/avatars/{upload_id}`. Not together with `avatar_url`. */
            avatar_upload_id?: components["schemas"]["UploadId"];
            /** @description The new status, or null to clear it. */
            status?: components["schemas"]["UpdateStatusRequest"] | null;
        };
        /** @description A preset (molting, lurking, afk) brings its emoji and a default text (which `text` may replace); `custom` or no preset needs `emoji`, exactly one emoji. */
        UpdateStatusRequest: {
            /** @enum {string} */
            preset?: "molting" | "lurking" | "afk" | "custom";
            emoji?: string;
            text?: string;
            /**
             * Format: date-time
             * @description RFC 3339, in the future; omit it for a status that does not expire.
             */
            expires_at?: string;
        };
        CreateWorkspaceRequest: {
            name: string;
            /** @description Derived from `name` when omitted. */
            slug?: string;
        };
        CreateChannelRequest: {
            name: string;
            topic?: string;
            /**
             * @description Default `public`. The creator is a private channel's first and only member.
             * @enum {string}
             */
            kind?: "public" | "private";
        };
        UpdateChannelRequest: {
            name?: string;
            topic?: string;
            archived?: boolean;
            /**
             * @description Owners and moderators only; `#general` stays public.
             * @enum {string}
             */
            kind?: "public" | "private";
        };
        SendMessageRequest: {
            /** @description The Markdown text; may be empty only when `upload_ids` attaches at least one file. */
            body: string;
            /** @description The caller's own unattached uploads of this workspace, attached with the message in the same write (400 for an unknown or foreign upload, 409 for one already attached; no message is written then). */
            upload_ids?: components["schemas"]["UploadId"][];
            /** @description Client-chosen idempotency key; a retry with the same nonce is not duplicated. */
            nonce?: string;
        };
        EditMessageRequest: {
            body: string;
        };
        AddReactionRequest: {
            emoji: string;
        };
        EphemeralRequest: {
            workspace_id: components["schemas"]["WorkspaceId"];
            channel_id?: components["schemas"]["ChannelId"];
            /** @description Typing in a direct conversation (instead of `channel_id`) reaches its members only. */
            direct_conversation_id?: components["schemas"]["DirectConversationId"];
            /**
             * @description `command.ephemeral` is the server's own: clients cannot publish it.
             * @enum {string}
             */
            type: "typing.started" | "typing.stopped" | "presence.changed";
            /** @description Only fixed fields: typing events (which need `channel_id` or `direct_conversation_id`) may carry `thread_root_id`; `presence.changed` may carry `status` (`away` and `online` set the caller's presence, announced only when it changes). Anything else, or a body over 2048 bytes, is a 400. */
            payload?: {
                thread_root_id?: components["schemas"]["MessageId"];
                /** @enum {string} */
                status?: "online" | "away" | "offline";
            };
        };
        HealthResponse: {
            /** @enum {string} */
            status: "ok";
        };
        ReadyResponse: {
            /** @enum {string} */
            status: "ready";
        };
        MagicConsumeResponse: {
            user: components["schemas"]["User"];
            session: components["schemas"]["Session"];
            /** @description Bearer sign-ins only; the API client's own token (never the cookie's secret). */
            token?: string;
        };
        MagicInspectResponse: {
            user: components["schemas"]["User"];
            display_name: string;
            /** @description Omitted when the account has no sign-in email. */
            email?: string;
            /** @description The account the caller is signed in to now (cookie or bearer), omitted when none; the dev fallback is no sign-in, so it is never named here. */
            signed_in_as?: components["schemas"]["User"];
        };
        InviteAcceptResponse: {
            workspace: components["schemas"]["Workspace"];
            /** @description The member.joined event; absent when the caller already belonged to the workspace. */
            event?: components["schemas"]["Event"];
        };
        MeResponse: {
            user: components["schemas"]["User"];
            /** @description Present (true) only when the caller is the dev fallback user. */
            dev_fallback?: boolean;
        };
        UserResponse: {
            user: components["schemas"]["User"];
        };
        WorkspaceListResponse: {
            workspaces: components["schemas"]["Workspace"][];
        };
        UpdateWorkspaceRequest: {
            name?: string;
            slug?: string;
            /** @description One emoji or one or two letters or digits; `""` removes the icon. */
            icon?: string;
        };
        DeleteWorkspaceRequest: {
            /** @description The workspace's slug. */
            confirm: string;
        };
        TransferOwnershipRequest: {
            user_id: components["schemas"]["UserId"];
        };
        ChangeRoleRequest: {
            /** @enum {string} */
            role: "moderator" | "member" | "guest";
        };
        WorkspaceEventResponse: {
            workspace: components["schemas"]["Workspace"];
            event: components["schemas"]["Event"];
        };
        MemberEventResponse: {
            member: components["schemas"]["Member"];
            event: components["schemas"]["Event"];
        };
        /** @description `workspace.updated` */
        WorkspaceUpdatedEventPayload: {
            workspace_id: components["schemas"]["WorkspaceId"];
            name: string;
            slug: string;
            icon?: string;
        };
        /** @description `workspace.ownership_transferred` */
        OwnershipTransferredEventPayload: {
            workspace_id: components["schemas"]["WorkspaceId"];
            from_user_id: components["schemas"]["UserId"];
            to_user_id: components["schemas"]["UserId"];
        };
        WorkspaceResponse: {
            workspace: components["schemas"]["Workspace"];
        };
        CreateWorkspaceResponse: {
            workspace: components["schemas"]["Workspace"];
            channel: components["schemas"]["Channel"];
            event: components["schemas"]["Event"];
        };
        MemberListResponse: {
            members: components["schemas"]["Member"][];
            /** @description Present while more members follow; pass it back as `cursor`. */
            next_cursor?: string;
            has_more: boolean;
        };
        PresenceListResponse: {
            presence: components["schemas"]["Presence"][];
        };
        EventResponse: {
            event: components["schemas"]["Event"];
        };
        SearchResponse: {
            results: components["schemas"]["SearchResult"][];
            /** @description Present while more results follow; pass it back as `cursor`. */
            next_cursor?: string;
        };
        SearchResult: {
            message: components["schemas"]["Message"];
            /** @description How well the message matches (Okapi BM25 over the body among the newest 1,000 matches; higher is better) in best-match order; 0 in newest-first order and for a query of modifiers only. */
            rank: number;
            /** @description A part of the body around the matches, HTML-escaped, with each matched word wrapped in `<mark>…</mark>` (the only markup in it) and `…` where text was cut. Render it by splitting on the two tags and showing the pieces as text, or as HTML: it is escaped. */
            snippet: string;
        };
        ChannelListResponse: {
            channels: components["schemas"]["Channel"][];
            /** @description Paged requests only, while more channels follow. */
            next_cursor?: string;
        };
        Invite: {
            id: string;
            workspace_id: components["schemas"]["WorkspaceId"];
            created_by?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at?: string;
            uses: number;
            /** Format: date-time */
            revoked_at?: string;
            max_uses?: number;
        };
        ProvidersResponse: {
            github: boolean;
            email: boolean;
        };
        MagicLinkRequest: {
            email: string;
            /** @description An invite that lets an address without an account sign up. */
            invite_token?: string;
        };
        MagicLinkRequestedResponse: {
            message: string;
        };
        InvitePreview: {
            workspace_id: components["schemas"]["WorkspaceId"];
            workspace_name: string;
            /** Format: date-time */
            expires_at: string;
            uses_left?: number;
        };
        InvitePreviewResponse: {
            invite: components["schemas"]["InvitePreview"];
        };
        CreateInviteRequest: {
            /** @description Seconds. */
            expires_in?: number;
            max_uses?: number;
        };
        InviteCreatedResponse: {
            invite: components["schemas"]["Invite"];
            token: string;
            url: string;
        };
        SessionSummary: {
            id: string;
            /** @enum {string} */
            kind: "cookie" | "bearer";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at?: string;
            /** Format: date-time */
            expires_at?: string;
            current: boolean;
        };
        SessionListResponse: {
            sessions: components["schemas"]["SessionSummary"][];
        };
        InviteListResponse: {
            invites: components["schemas"]["Invite"][];
        };
        InviteResponse: {
            invite: components["schemas"]["Invite"];
        };
        ChannelResponse: {
            channel: components["schemas"]["Channel"];
        };
        ChannelMember: {
            user: components["schemas"]["User"];
            /** Format: date-time */
            joined_at: string;
        };
        ChannelMemberList: {
            members: components["schemas"]["ChannelMember"][];
        };
        AddChannelMemberRequest: {
            user_id: components["schemas"]["UserId"];
        };
        ChannelMembershipResponse: {
            channel: components["schemas"]["Channel"];
            member: components["schemas"]["ChannelMember"];
            /** @description `channel.member_joined`; absent when nothing changed. */
            event?: components["schemas"]["Event"];
        };
        ChannelLeftResponse: {
            channel: components["schemas"]["Channel"];
            /** @description `channel.member_left`; absent when nothing changed. */
            event?: components["schemas"]["Event"];
        };
        /** @description `channel.member_joined`, `channel.member_left` */
        ChannelMemberEventPayload: {
            channel_id: components["schemas"]["ChannelId"];
            user_id: components["schemas"]["UserId"];
            user: components["schemas"]["User"];
            channel: components["schemas"]["Channel"];
            /** @description `channel.member_joined` when someone else added them. */
            added_by?: components["schemas"]["UserId"];
            /** @description `channel.member_left` when a moderator removed them. */
            removed_by?: components["schemas"]["UserId"];
        };
        /**
         * @description `muted`: clients show no unread badge for the channel, only mentions.
         * @enum {string}
         */
        NotificationPreference: "all" | "mentions" | "muted";
        NotificationSettings: {
            preference: components["schemas"]["NotificationPreference"];
        };
        PinMessageRequest: {
            message_id: components["schemas"]["MessageId"];
        };
        PinnedMessageResponse: {
            pinned_message: components["schemas"]["Message"];
            event: components["schemas"]["Event"];
        };
        PinnedMessageList: {
            messages: components["schemas"]["Message"][];
        };
        /** @description `pin.added`, `pin.removed`: who pinned or unpinned which message. */
        PinEventPayload: {
            channel_id: components["schemas"]["ChannelId"];
            message_id: components["schemas"]["MessageId"];
            user_id: components["schemas"]["UserId"];
            message: components["schemas"]["Message"];
        };
        ChannelEventResponse: {
            channel: components["schemas"]["Channel"];
            event: components["schemas"]["Event"];
        };
        /** @description Root messages ascending by `channel_seq`. `oldest_seq`/`newest_seq` are absent for an empty page. */
        MessagePage: {
            messages: components["schemas"]["Message"][];
            oldest_seq?: number;
            newest_seq?: number;
            has_older: boolean;
            has_newer: boolean;
        };
        MessageResponse: {
            message: components["schemas"]["Message"];
        };
        MessageDeletedResponse: {
            message: components["schemas"]["Message"];
            event?: components["schemas"]["Event"];
        };
        MessageEventResponse: {
            message: components["schemas"]["Message"];
            event: components["schemas"]["Event"];
        };
        ThreadResponse: {
            root: components["schemas"]["Message"];
            replies: components["schemas"]["Message"][];
            thread_state: components["schemas"]["ThreadState"];
        };
        ThreadReplyResponse: {
            message: components["schemas"]["Message"];
            thread_state: components["schemas"]["ThreadState"];
            /** @description `thread.reply_created` then `thread.state_updated`. */
            events: components["schemas"]["Event"][];
        };
        ReactionResponse: {
            /** @description Absent when nothing changed (already reacted / reaction not there). */
            event?: components["schemas"]["Event"];
            reactions: components["schemas"]["Reaction"][];
        };
        /**
         * @description `next_cursor` is the cursor to pass as `after_cursor` for the next page (the last
         *     event's cursor, or the request's `after_cursor` when the page is empty; null when both
         *     are absent). `tail_cursor` is present only with `include_tail=true`; it is not in
         *     `required` because of that.
         */
        EventPage: {
            events: components["schemas"]["Event"][];
            next_cursor?: string;
            has_more: boolean;
            tail_cursor?: string;
        };
        EphemeralResponse: {
            event: components["schemas"]["EphemeralEvent"];
        };
        /** @enum {string} */
        BotScope: "channels:read" | "messages:read" | "messages:write" | "threads:write" | "reactions:write" | "dms:read" | "dms:write" | "uploads:write" | "realtime:read" | "commands:write";
        BotToken: {
            id: string;
            bot_id: components["schemas"]["UserId"];
            workspace_id: components["schemas"]["WorkspaceId"];
            name: string;
            scopes: components["schemas"]["BotScope"][];
            /** @description Who issued it; omitted when an operator did with `clickclack admin bot create`. */
            created_by?: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When a request last used it (updated at most every 5 minutes, like any session); omitted until then.
             */
            last_used_at?: string;
            /** Format: date-time */
            revoked_at?: string;
            /** @description The secret, only in the answer that created the token. */
            token?: string;
        };
        CreateBotRequest: {
            name: string;
            /** @description The bot's `@handle`; derived from the name when omitted (409 when taken). */
            handle?: string;
            scopes?: components["schemas"]["BotScope"][];
        };
        CreateBotTokenRequest: {
            name?: string;
            scopes?: components["schemas"]["BotScope"][];
        };
        BotCreatedResponse: {
            bot: components["schemas"]["User"];
            bot_token: components["schemas"]["BotToken"];
        };
        BotWithTokens: {
            bot: components["schemas"]["User"];
            tokens: components["schemas"]["BotToken"][];
        };
        BotListResponse: {
            bots: components["schemas"]["BotWithTokens"][];
        };
        BotTokenListResponse: {
            bot_tokens: components["schemas"]["BotToken"][];
        };
        BotTokenResponse: {
            bot_token: components["schemas"]["BotToken"];
        };
        /** @description Mattermost's incoming webhook payload; `text` or `attachments` is required. */
        IncomingWebhookRequest: {
            text?: string;
            /** @description Shown as the message's name (`override_username`). */
            username?: string;
            /** @description An http(s) avatar shown on the message (`override_icon_url`). */
            icon_url?: string;
            /** @description Another channel of the webhook's workspace, by name or id. */
            channel?: string;
            attachments?: components["schemas"]["WebhookAttachmentRequest"][];
        };
        WebhookAttachmentRequest: {
            fallback?: string;
            /** @description `good`, `warning`, `danger` or a hex colour. */
            color?: string;
            pretext?: string;
            author_name?: string;
            author_link?: string;
            title?: string;
            title_link?: string;
            text?: string;
            fields?: {
                title?: string;
                value?: string | number | boolean;
                short?: boolean;
            }[];
            image_url?: string;
            footer?: string;
        };
        Webhook: {
            id: string;
            workspace_id: components["schemas"]["WorkspaceId"];
            channel_id: components["schemas"]["ChannelId"];
            /** @description The bot account it posts as. */
            bot_id: components["schemas"]["UserId"];
            name: string;
            /** @description Omitted when an operator made it with `clickclack admin webhook create`. */
            created_by?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            revoked_at?: string;
            /** @description The secret of `/hooks/{key}`, only in the answer that created or rotated it. */
            key?: string;
        };
        CreateWebhookRequest: {
            channel_id: components["schemas"]["ChannelId"];
            /** @description Default: Incoming webhook. */
            name?: string;
        };
        WebhookResponse: {
            webhook: components["schemas"]["Webhook"];
        };
        WebhookListResponse: {
            webhooks: components["schemas"]["Webhook"][];
        };
        /**
         * @description A slash command as the composer lists it. Built-ins have no `id`; registered ones do, and owners and
         *     moderators also see `url`, `bot_id`, `created_by` and `created_at`.
         */
        SlashCommand: {
            /** @description Without the slash, e.g. `deploy`. */
            trigger: string;
            description: string;
            /** @description What follows the trigger, e.g. `[service]`; may be empty. */
            usage_hint: string;
            builtin: boolean;
            id?: string;
            url?: string;
            /** @description The bot account its in_channel replies are posted as. */
            bot_id?: components["schemas"]["UserId"];
            created_by?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            revoked_at?: string;
        };
        SlashCommandListResponse: {
            commands: components["schemas"]["SlashCommand"][];
        };
        SlashCommandResponse: {
            command: components["schemas"]["SlashCommand"];
        };
        CommandSecretResponse: {
            command: components["schemas"]["SlashCommand"];
            /** @description Signs the callbacks (HMAC-SHA256); only in this answer. */
            secret: string;
        };
        RegisterCommandRequest: {
            /** @description 1–32 of a-z, 0-9, '-' and '_', starting with a letter or digit; a leading '/' is dropped. */
            trigger: string;
            /** @description http(s) callback URL. */
            url: string;
            description?: string;
            usage_hint?: string;
        };
        CommandReplyRequest: {
            /** @enum {string} */
            response_type?: "in_channel" | "ephemeral";
            text?: string;
        };
        EventSubscription: {
            id: string;
            workspace_id: components["schemas"]["WorkspaceId"];
            url: string;
            /** @description `["*"]` for every durable type, or a list of them. */
            event_types: string[];
            /** @enum {string} */
            status: "active" | "paused";
            /** @description Why it was paused: by a person, or failing for too long. */
            paused_reason?: string;
            /** @description Every event up to here was delivered (or was not for this subscription). */
            cursor: components["schemas"]["Cursor"];
            /**
             * Format: date-time
             * @description When the current run of failed attempts began.
             */
            failing_since?: string;
            /** Format: date-time */
            next_attempt_at?: string;
            created_by?: string;
            /** Format: date-time */
            created_at: string;
        };
        EventSubscriptionResponse: {
            subscription: components["schemas"]["EventSubscription"];
        };
        EventSubscriptionSecretResponse: {
            subscription: components["schemas"]["EventSubscription"];
            /** @description Signs the deliveries (HMAC-SHA256); only in this answer. */
            secret: string;
        };
        EventSubscriptionListResponse: {
            subscriptions: components["schemas"]["EventSubscription"][];
        };
        CreateEventSubscriptionRequest: {
            url: string;
            event_types: string[];
        };
        EventDelivery: {
            id: string;
            subscription_id: string;
            event_id: components["schemas"]["EventId"];
            event_cursor: components["schemas"]["Cursor"];
            event_type: string;
            /**
             * @description `retrying` while attempts fail (the next one at `next_attempt_at`), `delivered` after a 2xx.
             * @enum {string}
             */
            status: "retrying" | "delivered";
            attempts: number;
            /** @description The receiver's last HTTP status; absent when it did not answer. */
            response_code?: number;
            last_error?: string;
            /** Format: date-time */
            next_attempt_at?: string;
            /** Format: date-time */
            delivered_at?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        EventDeliveryListResponse: {
            deliveries: components["schemas"]["EventDelivery"][];
        };
        /** @description Exactly one of `channel_id` and `direct_conversation_id` (400 for both or neither). */
        ExecuteCommandRequest: {
            channel_id?: components["schemas"]["ChannelId"];
            /**
             * @description Run the command in this direct conversation (404 unless the caller is a member): `/shrug`, `/me`,
             *     `/status` and `/help` work; channel commands (`/topic`, `/invite`, `/leave`, registered ones) answer 400.
             */
            direct_conversation_id?: string;
            /**
             * @description Run the command in this message's thread (a reply's id means its thread); it must be a message of
             *     the channel or conversation (400 otherwise, 404 if the caller cannot see it). What the command posts, including a
             *     registered command's replies, goes into the thread; its callback gets the root as `root_id`.
             */
            thread_root_id?: string;
            /** @description The whole line, e.g. `/shrug fine`. */
            command: string;
        };
        CommandResponse: {
            /** @enum {string} */
            response_type: "in_channel" | "ephemeral";
            /** @description A note for the caller (ephemeral) or what changed (in_channel). */
            text?: string;
            message?: components["schemas"]["Message"];
            event?: components["schemas"]["Event"];
        };
    };
    responses: {
        /** @description A plain HTTP request (no WebSocket upgrade) reached the WebSocket endpoint. */
        UpgradeRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Validation failed; nothing was written. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing, invalid or revoked credentials. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Authenticated but not allowed (not a member, wrong role, missing CSRF header, cross-origin). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource (or not visible to the caller). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request conflicts with the current state (e.g. a name already taken). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No longer available (an expired invite, a pruned or unknown cursor — resync). */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than the limit (1 MiB for JSON). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The range is outside the file (`Content-Range: bytes *\/size`). */
        RangeNotSatisfiable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The file is larger than `max_upload_bytes` (64 MiB by default); nothing was kept. */
        UploadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The caller already holds its cap of open WebSockets (`max_sockets_per_user`, or `max_sockets_per_ip` for its address): close one, then reconnect. */
        SocketCapReached: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited; retry after the `Retry-After` seconds. Limits are configurable (docs/deployment.md). */
        TooManyRequests: {
            headers: {
                /** @description Seconds until the next attempt can succeed. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The feature is not configured on this server; the message says what an admin sets. */
        NotImplemented: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An identity provider (GitHub) did not answer as it should. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not ready (starting, migrating or shutting down). */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        WorkspaceIdPath: components["schemas"]["WorkspaceId"];
        ChannelIdPath: components["schemas"]["ChannelId"];
        DmIdPath: components["schemas"]["DirectConversationId"];
        MessageIdPath: components["schemas"]["MessageId"];
        UserIdPath: components["schemas"]["UserId"];
        UploadIdPath: components["schemas"]["UploadId"];
        /** @description The emoji, percent-encoded (e.g. `%F0%9F%A6%9E` or `lobster`). */
        EmojiPath: string;
        /** @description The secret from the invite link. */
        InviteToken: string;
        CommandIdPath: string;
        SubscriptionIdPath: string;
        WebhookIdPath: string;
        BotIdPath: components["schemas"]["UserId"];
        /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
        CsrfHeader: "1";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve traffic. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyResponse"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    consumeMagicToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MagicConsumeRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    /** @description `cc_session=<token>; HttpOnly; SameSite=Lax; Path=/` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MagicConsumeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    inspectMagicToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MagicInspectRequest"];
            };
        };
        responses: {
            /** @description The link's account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MagicInspectResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getSignInProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configured methods. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvidersResponse"];
                };
            };
        };
    };
    requestMagicLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MagicLinkRequest"];
            };
        };
        responses: {
            /** @description Accepted; a link is mailed if the address may sign in. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MagicLinkRequestedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            501: components["responses"]["NotImplemented"];
        };
    };
    startGitHubSignIn: {
        parameters: {
            query?: {
                /** @description An invite token to come back to. */
                invite?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To GitHub's authorize page. */
            302: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            501: components["responses"]["NotImplemented"];
        };
    };
    finishGitHubSignIn: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in; to `/app` or `/app/invite/{token}`. */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
        };
    };
    getInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret from the invite link. */
                token: components["parameters"]["InviteToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A usable invite. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitePreviewResponse"];
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    acceptInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                /** @description The secret from the invite link. */
                token: components["parameters"]["InviteToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Joined; `event` is the `member.joined` event, or absent when the caller was already a member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteAcceptResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller; `dev_fallback` is true (and otherwise absent) when no credentials were sent and the dev fallback answered, so a sign-out cannot stick. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listWorkspaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's workspaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkspaceRequest"];
            };
        };
        responses: {
            /** @description Created; the caller is its owner. `event` is `workspace.created`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateWorkspaceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace, with the caller's role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteWorkspaceRequest"];
            };
        };
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorkspaceRequest"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    transferWorkspaceOwnership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferOwnershipRequest"];
            };
        };
        responses: {
            /** @description Transferred. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `next_cursor` of the previous page (opaque). */
                cursor?: string;
                /** @description Keeps members whose display name or handle contains this text (case-insensitive). */
                q?: string;
                /** @description Keeps members with this role. */
                role?: components["schemas"]["Role"];
            };
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members with their roles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
                user_id: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
                user_id: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRoleRequest"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listInvites: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invites, revoked ones included (flagged by `revoked_at`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateInviteRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteCreatedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    revokeInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
                invite_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked invite. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listPresence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Presence per member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PresenceListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listBots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bots, oldest first, each with its tokens (revoked ones flagged by `revoked_at`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createBot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBotRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotCreatedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listBotTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
                bot_id: components["parameters"]["BotIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotTokenListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createBotToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
                bot_id: components["parameters"]["BotIdPath"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateBotTokenRequest"];
            };
        };
        responses: {
            /** @description Issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    revokeBotToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                bot_token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    postIncomingWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomingWebhookRequest"];
                "application/x-www-form-urlencoded": {
                    /** @description The JSON payload as a string. */
                    payload: string;
                };
            };
        };
        responses: {
            /** @description Posted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "ok";
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMattermostPayload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomingWebhookRequest"];
                "application/x-www-form-urlencoded": {
                    /** @description The JSON payload as a string. */
                    payload: string;
                };
            };
        };
        responses: {
            /** @description Posted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhooks, oldest first, revoked ones included (flagged by `revoked_at`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    rotateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                webhook_id: components["parameters"]["WebhookIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook with its new key in `key`, only in this answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                webhook_id: components["parameters"]["WebhookIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked webhook. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    executeCommand: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecuteCommandRequest"];
            };
        };
        responses: {
            /** @description The command ran. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listCommands: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The commands, built-ins first, then registered ones by trigger. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlashCommandListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    registerCommand: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterCommandRequest"];
            };
        };
        responses: {
            /** @description The command and its signing secret (shown once). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandSecretResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeCommand: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                command_id: components["parameters"]["CommandIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The command with `revoked_at`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlashCommandResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    rotateCommandSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                command_id: components["parameters"]["CommandIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The command and its new secret (shown once). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandSecretResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    postCommandResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommandReplyRequest"];
            };
        };
        responses: {
            /** @description Delivered; `message` and `event` for an in_channel reply. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listEventSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscriptions, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventSubscriptionListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createEventSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventSubscriptionRequest"];
            };
        };
        responses: {
            /** @description The subscription and its signing secret (shown once). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventSubscriptionSecretResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    pauseEventSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                subscription_id: components["parameters"]["SubscriptionIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paused subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventSubscriptionResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    resumeEventSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                subscription_id: components["parameters"]["SubscriptionIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventSubscriptionResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteEventSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                subscription_id: components["parameters"]["SubscriptionIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listEventDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                subscription_id: components["parameters"]["SubscriptionIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDeliveryListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listChannels: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `next_cursor` of the previous page (opaque). */
                cursor?: string;
            };
            header?: never;
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channels. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                workspace_id: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChannelRequest"];
            };
        };
        responses: {
            /** @description Created; `event` is `channel.created`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChannelRequest"];
            };
        };
        responses: {
            /** @description Updated; `event` is `channel.updated`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    joinChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller is a member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelMembershipResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    leaveChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller is not a member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelLeftResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listChannelMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every member of the channel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelMemberList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addChannelMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddChannelMemberRequest"];
            };
        };
        responses: {
            /** @description Already a member; nothing written. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelMembershipResponse"];
                };
            };
            /** @description Added. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelMembershipResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    removeChannelMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
                user_id: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listPins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pinned messages (roots or replies), newest pin first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PinnedMessageList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    pinMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PinMessageRequest"];
            };
        };
        responses: {
            /** @description Pinned. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PinnedMessageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    unpinMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unpinned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getChannelNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preference. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateChannelNotificationSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettings"];
            };
        };
        responses: {
            /** @description The preference now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    markChannelRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadRequest"];
            };
        };
        responses: {
            /** @description The caller's receipt after the call. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Messages with `channel_seq` greater than this, oldest first. */
                after_seq?: number;
                /** @description Messages with `channel_seq` less than this (the page just before it); 0 is valid (an empty page). */
                before_seq?: number;
                /** @description A page centred on this `channel_seq` (for jumping to a message); 0 gives the oldest page. */
                around_seq?: number;
                /** @description `latest`: the newest page (the default when no seq is given). */
                mode?: "latest";
                limit?: number;
            };
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                channel_id: components["parameters"]["ChannelIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description A repeated nonce; the original message and its `message.created` event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            /** @description Created; `event` is `message.created`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listDms: {
        parameters: {
            query: {
                workspace_id: components["schemas"]["WorkspaceId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversations; those with messages first, then by creation, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectConversationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createDm: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDmRequest"];
            };
        };
        responses: {
            /** @description The existing conversation of this member set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectConversationResponse"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectConversationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getDm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dm_id: components["parameters"]["DmIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectConversationResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    hideDm: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                dm_id: components["parameters"]["DmIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hidden. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkTrue"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    openDm: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                dm_id: components["parameters"]["DmIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectConversationResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listDmMessages: {
        parameters: {
            query?: {
                after_seq?: number;
                before_seq?: number;
                around_seq?: number;
                mode?: "latest";
                limit?: number;
            };
            header?: never;
            path: {
                dm_id: components["parameters"]["DmIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    sendDmMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                dm_id: components["parameters"]["DmIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description A repeated nonce; the original message and its `message.created` event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            /** @description Created; `event` is `message.created`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    markDmRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                dm_id: components["parameters"]["DmIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadRequest"];
            };
        };
        responses: {
            /** @description The caller's receipt after the call. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; `event` is `message.deleted`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    editMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditMessageRequest"];
            };
        };
        responses: {
            /** @description Edited; `event` is `message.updated`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getThread: {
        parameters: {
            query?: {
                /** @description The first this many replies, ascending by `thread_seq`. */
                limit?: number;
            };
            header?: never;
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The root, its replies ascending by `thread_seq`, and the thread state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    replyInThread: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description A repeated nonce; the original reply. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadReplyResponse"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadReplyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addReaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddReactionRequest"];
            };
        };
        responses: {
            /** @description The caller had already reacted with this emoji; `event` is absent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionResponse"];
                };
            };
            /** @description Added; `event` is `reaction.added`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeReaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                message_id: components["parameters"]["MessageIdPath"];
                /** @description The emoji, percent-encoded (e.g. `%F0%9F%A6%9E` or `lobster`). */
                emoji: components["parameters"]["EmojiPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed (`event` is `reaction.removed`), or it was not there (`event` is absent). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    searchMessages: {
        parameters: {
            query: {
                workspace_id: components["schemas"]["WorkspaceId"];
                q: string;
                /** @description Only this channel (it must be in the workspace). */
                channel_id?: components["schemas"]["ChannelId"];
                /** @description `relevance` (best match first, the default) or `recent` (newest first; `newest` is the same). */
                sort?: "relevance" | "recent" | "newest";
                limit?: number;
                /** @description `next_cursor` of the previous page, with the same query and sort. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of results. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createUpload: {
        parameters: {
            query: {
                workspace_id: components["schemas"]["WorkspaceId"];
            };
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file; its part's filename is kept (at most 255 characters).
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["UploadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: {
                Range?: string;
                "If-None-Match"?: string;
            };
            path: {
                upload_id: components["parameters"]["UploadIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole file, with its sniffed `Content-Type`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range (`Content-Range` says which). */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not modified (the `If-None-Match` ETag matches). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
        };
    };
    getUploadThumbnail: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path: {
                upload_id: components["parameters"]["UploadIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preview image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAvatar: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path: {
                upload_id: components["parameters"]["UploadIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The avatar. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    attachUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path: {
                message_id: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachUploadRequest"];
            };
        };
        responses: {
            /** @description Attached; `event` is `message.updated`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    listEvents: {
        parameters: {
            query: {
                workspace_id: components["schemas"]["WorkspaceId"];
                after_cursor?: components["schemas"]["Cursor"];
                limit?: number;
                include_tail?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
        };
    };
    publishEphemeral: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required (value `1`) on writes authenticated by the `cc_session` cookie. */
                "X-ClickClack-CSRF"?: components["parameters"]["CsrfHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EphemeralRequest"];
            };
        };
        responses: {
            /** @description Accepted for fan-out. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EphemeralResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    connectRealtime: {
        parameters: {
            query: {
                workspace_id: components["schemas"]["WorkspaceId"];
                after_cursor?: components["schemas"]["Cursor"];
            };
            header?: {
                /** @description `clickclack.bearer.<token>` to authenticate without a cookie or header. */
                "Sec-WebSocket-Protocol"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching Protocols; events follow as text frames. */
            101: {
                headers: {
                    /** @description The `clickclack.bearer.<token>` subprotocol, echoed when it was offered. */
                    "Sec-WebSocket-Protocol"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            426: components["responses"]["UpgradeRequired"];
            429: components["responses"]["SocketCapReached"];
        };
    };
}
