package chat.clickclack.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code search}: N messages over K channels ({@link SearchCorpus}, written into the server's database
 * through its own triggers), then {@code GET /api/search} as a user would call it: each query class —
 * common word, two common words, a phrase, a middling word, a rare word, a prefix, words with modifiers,
 * modifiers alone — Q times in a row in both orders (best match and newest first) for p50/p99, then C
 * concurrent searchers over the whole mix for T seconds (queries/s), and the index's size as a share of the
 * database file.
 *
 * <p>Correctness: every answer must be 200, and the rare word must be found exactly as often as it was
 * written. The goal is issue 12's: p99 ≤ 50 ms per query class at 1,000,000 messages.
 */
final class SearchScenario {
    static final double P99_GOAL_MS = 50;
    static final int WARMUP_ROUNDS = 5;

    private SearchScenario() {}

    /** One kind of query, by name. */
    record QueryClass(String name, String q) {}

    static Result run(Servers servers, Options options) throws Exception {
        int messages = options.integer("messages", 3_000, 1_000_000);
        int channelCount = options.integer("channels", 4, 20);
        int rounds = options.integer("queries", 5, 100);
        int concurrency = options.integer("concurrency", 2, 8);
        int duration = options.integer("duration", 2, 20);
        var result = new Result("search");
        result.settings.put("messages", messages);
        result.settings.put("channels", channelCount);
        result.settings.put("queries_per_class", rounds);
        result.settings.put("concurrency", concurrency);
        result.settings.put("duration_s", duration);

        try (var target = servers.open("search")) {
            if (target.server == null) {
                result.fail("search writes its corpus into the server's database: it needs a server the bench starts");
                return result;
            }
            var channels = new ArrayList<String>();
            for (int k = 0; k < channelCount; k++) {
                channels.add(target.createChannel("bench-search"));
            }
            var firstName = target.api.get(target.owner().token(), "/api/channels/" + channels.getFirst())
                    .require("GET channel").path("channel").path("name").asText();
            var author = target.identity(1);
            var handle = target.api.get(author.token(), "/api/me").require("GET /api/me").path("user").path("handle")
                    .asText();
            var authors = target.identities.stream().map(Target.Identity::userId).toList();
            var corpus = new SearchCorpus(messages);
            var file = target.server.dataDir.resolve("clickclack.db");
            System.out.printf("  search: writing %,d messages into %d channels…%n", messages, channelCount);
            result.figures.put("seeding", corpus.insert(file, target.workspaceId, channels, authors));
            result.figures.put("size", SearchCorpus.sizes(file));

            var monthAgo = LocalDate.now(ZoneOffset.UTC).minusDays(30);
            var classes = List.of(
                    new QueryClass("common", SearchCorpus.COMMON),
                    new QueryClass("two_common", SearchCorpus.COMMON + " " + SearchCorpus.SECOND),
                    new QueryClass("phrase", "\"" + SearchCorpus.COMMON + " " + SearchCorpus.SECOND + "\""),
                    new QueryClass("medium", corpus.medium()),
                    new QueryClass("rare", SearchCorpus.RARE),
                    new QueryClass("prefix", "deplo*"),
                    new QueryClass("in_channel", SearchCorpus.SECOND + " in:#" + firstName),
                    new QueryClass("from_author", "claw from:@" + handle),
                    new QueryClass("has_link", SearchCorpus.COMMON + " has:link"),
                    new QueryClass("after_date", "deploy after:" + monthAgo),
                    new QueryClass("modifiers_only", "in:#" + firstName + " from:@" + handle));
            var searcher = target.owner();
            var errors = new LongAdder();

            var latency = new LinkedHashMap<String, Object>();
            for (var sort : List.of("relevance", "recent")) {
                var bySort = new LinkedHashMap<String, Object>();
                for (var query : classes) {
                    var path = path(target, query.q(), sort);
                    for (int i = 0; i < WARMUP_ROUNDS; i++) {
                        call(target, searcher, path, errors, result);
                    }
                    var histogram = new Histogram();
                    for (int i = 0; i < rounds; i++) {
                        long t0 = System.nanoTime();
                        call(target, searcher, path, errors, result);
                        histogram.recordNanos(System.nanoTime() - t0);
                    }
                    var summary = histogram.summary();
                    bySort.put(query.name(), summary);
                    double p99 = (double) summary.get("p99_ms");
                    if (!options.quick()) {
                        result.goal("search p99 " + query.name() + " (" + sort + ")", "<= " + P99_GOAL_MS + " ms",
                                p99 + " ms", p99 <= P99_GOAL_MS);
                    }
                }
                latency.put(sort, bySort);
            }
            result.figures.put("latency", latency);

            var rare = target.api.get(searcher.token(), path(target, SearchCorpus.RARE, "recent", 100))
                    .require("rare search");
            int expected = Math.min(100, corpus.rareCount());
            result.check(rare.path("results").size() == expected, "the rare word was written " + corpus.rareCount()
                    + " times but found " + rare.path("results").size() + " times");

            result.figures.put("concurrent", concurrent(target, classes, concurrency, duration, errors, result));
            result.figures.put("errors", errors.sum());
            result.check(errors.sum() == 0, errors.sum() + " search(es) failed");
        }
        return result;
    }

    private static String path(Target target, String q, String sort) {
        return path(target, q, sort, 20);
    }

    private static String path(Target target, String q, String sort, int limit) {
        return "/api/search?workspace_id=" + target.workspaceId + "&q=" + Api.encode(q) + "&sort=" + sort
                + "&limit=" + limit;
    }

    private static void call(Target target, Target.Identity who, String path, LongAdder errors, Result result) {
        try {
            var response = target.api.get(who.token(), path);
            if (response.status() != 200) {
                errors.increment();
                result.fail("GET " + path + " answered " + response.status() + ": " + Api.abbreviate(response.body()));
            }
        } catch (Exception e) {
            errors.increment();
            result.fail("GET " + path + " failed: " + e);
        }
    }

    /** C closed-loop searchers cycling through every class (best match), for T seconds. */
    private static Map<String, Object> concurrent(Target target, List<QueryClass> classes, int concurrency,
            int duration, LongAdder errors, Result result) throws Exception {
        var histogram = new Histogram();
        var done = new LongAdder();
        long end = System.nanoTime() + duration * 1_000_000_000L;
        var cpu = new CpuMeter(target);
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < concurrency; t++) {
            int offset = t;
            threads.add(Thread.ofVirtual().name("searcher-" + t).start(() -> {
                var local = new Histogram();
                var who = target.identity(offset);
                for (int i = offset; System.nanoTime() < end; i++) {
                    var path = path(target, classes.get(i % classes.size()).q(), "relevance");
                    long t0 = System.nanoTime();
                    call(target, who, path, errors, result);
                    local.recordNanos(System.nanoTime() - t0);
                    done.increment();
                }
                synchronized (histogram) {
                    histogram.add(local);
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("queries_per_s", Math.round(done.sum() / (double) duration));
        out.put("latency", histogram.summary());
        out.put("cpu", cpu.stop());
        return out;
    }
}
