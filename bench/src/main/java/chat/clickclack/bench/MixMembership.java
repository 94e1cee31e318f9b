package chat.clickclack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who is in which channel in the {@code mix}, per bench identity (every user of an identity has its channels).
 *
 * <p>{@code membership} (the default) models a workspace the way teams run one: {@code #general} with
 * everyone (an announcement channel: users read it, but only one post in {@link #GENERAL_POST_SHARE_INVERSE}
 * goes there), a few popular channels (each identity in one of them) and many small ones (each identity in
 * {@code perUser} of them), so each user is in about 10 and a post reaches a few percent of the sockets.
 *
 * <p>{@code firehose} is the older shape kept for comparison: {@code count} channels everyone has joined, so
 * every event of the workspace reaches every socket (deliveries grow with U²), whether or not the server
 * delivers by membership.
 */
record MixMembership(String shape, String general, List<String> allChannels, List<List<String>> byIdentity) {
    static final int GENERAL_POST_SHARE_INVERSE = 200;
    static final int JOINERS = 16;

    /** The channels user {@code userIndex} switches between and posts in. */
    List<String> channelsOf(int userIndex) {
        return byIdentity.get(Math.floorMod(userIndex, byIdentity.size()));
    }

    static MixMembership firehose(Target target, String workspace, int count) throws Exception {
        var channels = new ArrayList<String>();
        for (int c = 0; c < count; c++) {
            channels.add(target.createChannel(workspace, "bench-mix"));
        }
        var byIdentity = new ArrayList<List<String>>();
        for (int i = 0; i < target.identities.size(); i++) {
            byIdentity.add(channels);
        }
        joinAll(target, byIdentity);
        return new MixMembership("firehose", null, channels, byIdentity);
    }

    static MixMembership teams(Target target, String workspace, int popular, int small, int perUser) throws Exception {
        if (perUser > small) {
            throw new IllegalArgumentException("--mix-small-per-user must be at most --mix-small");
        }
        var general = general(target, workspace);
        var popularIds = new ArrayList<String>();
        for (int p = 0; p < popular; p++) {
            popularIds.add(target.createChannel(workspace, "bench-popular"));
        }
        var smallIds = new ArrayList<String>();
        for (int s = 0; s < small; s++) {
            smallIds.add(target.createChannel(workspace, "bench-small"));
        }
        var byIdentity = new ArrayList<List<String>>();
        int stride = small / perUser; // distinct for k < perUser, spread over the ring
        for (int i = 0; i < target.identities.size(); i++) {
            var mine = new ArrayList<String>();
            mine.add(general);
            if (popular > 0) {
                mine.add(popularIds.get(i % popular));
            }
            for (int k = 0; k < perUser; k++) {
                mine.add(smallIds.get((i * 3 + k * stride) % small));
            }
            byIdentity.add(List.copyOf(mine));
        }
        joinAll(target, byIdentity);
        var all = new ArrayList<String>();
        all.add(general);
        all.addAll(popularIds);
        all.addAll(smallIds);
        return new MixMembership("membership", general, List.copyOf(all), byIdentity);
    }

    /** The channel a post goes to: the one on screen, except that #general gets only its announcement share. */
    String postChannel(String current, List<String> mine, java.util.concurrent.ThreadLocalRandom random) {
        if (current.equals(general) && mine.size() > 1 && random.nextInt(GENERAL_POST_SHARE_INVERSE) != 0) {
            return mine.get(1 + random.nextInt(mine.size() - 1));
        }
        return current;
    }

    private static String general(Target target, String workspace) throws Exception {
        var list = target.api.get(target.owner().token(), "/api/workspaces/" + workspace + "/channels?limit=500")
                .require("list channels");
        for (var channel : list.path("channels")) {
            if (channel.path("name").asText().equals("general")) {
                return channel.path("id").asText();
            }
        }
        throw new IllegalStateException("the bench workspace has no #general");
    }

    /** Joins each identity to its channels (already a member answers 200 too), a few at a time. */
    private static void joinAll(Target target, List<List<String>> byIdentity) throws Exception {
        var next = new AtomicInteger();
        var failure = new AtomicReference<String>();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < JOINERS; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < byIdentity.size() && failure.get() == null) {
                    var token = target.identities.get(i).token();
                    for (var channel : byIdentity.get(i)) {
                        try {
                            var r = target.api.post(token, "/api/channels/" + channel + "/join", "{}");
                            if (r.status() != 200) {
                                failure.compareAndSet(null, "join answered " + r.status());
                            }
                        } catch (Exception e) {
                            failure.compareAndSet(null, e.toString());
                        }
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }
}
