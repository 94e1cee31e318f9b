package chat.clickclack.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code upload}: C uploads stream at once ({@code POST /api/uploads}, multipart), first of small files
 * (1 MiB) and then of large ones (20 MiB), against one server. Reports MiB/s for each size and the server's
 * heap while they stream, sampled from its own /metrics every 50 ms ({@code jvm_memory_used_bytes} of the
 * heap pools, and of the old generation alone) after a full GC before each phase. The server streams every
 * upload to disk through a fixed buffer, so its heap must not grow with the file size: the goal is
 * {@code old_gen_peak_ratio_large_vs_small <= 1.5} (holding the files would make it about 20).
 *
 * <p>Correctness: every upload must answer 201 with the byte size sent and the SHA-256 of the bytes.
 * The client generates the bytes as it sends them (a repeating pattern), so its own heap stays small too.
 */
final class UploadScenario {
    static final double HEAP_RATIO_GOAL = 1.5;
    private static final long MIB = 1024 * 1024;
    private static final long SAMPLE_MILLIS = 50;

    private UploadScenario() {}

    static Result run(Servers servers, Options options) throws Exception {
        int concurrency = options.integer("concurrency", 16, 16);
        int smallMib = options.integer("small-mib", 1, 1);
        // Quick mode (./mvnw verify's smoke test) checks correctness on a few small files; the full run measures.
        int largeMib = options.integer("large-mib", 4, 20);
        int smallCount = options.integer("small-uploads", 16, 160);
        int largeCount = options.integer("large-uploads", 8, 48);
        var result = new Result("upload");
        result.settings.put("concurrency", concurrency);
        result.settings.put("small_mib", smallMib);
        result.settings.put("large_mib", largeMib);
        result.settings.put("small_uploads", smallCount);
        result.settings.put("large_uploads", largeCount);

        int metricsPort = ServerProcess.freePort();
        var env = new LinkedHashMap<>(options.serverEnv());
        env.put("CLICKCLACK_METRICS_ADDR", "127.0.0.1:" + metricsPort);
        try (var target = servers.open("upload", env)) {
            var heap = options.url() == null && !options.quick() ? new HeapSampler("http://127.0.0.1:" + metricsPort + "/metrics")
                    : null;
            result.settings.put("heap_sampled", heap != null);
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // A short warm-up so the JIT and the connection pools are not part of the first phase.
            phase(target, client, concurrency, 256 * 1024, concurrency, null, result);
            var small = phase(target, client, concurrency, smallMib * MIB, smallCount, heap, result);
            var large = phase(target, client, concurrency, largeMib * MIB, largeCount, heap, result);
            result.figures.put("small", small);
            result.figures.put("large", large);
            double smallRate = (double) small.get("mib_per_s");
            double largeRate = (double) large.get("mib_per_s");
            result.figures.put("throughput_ratio_large_vs_small", Histogram.round(largeRate / smallRate));
            if (heap != null) {
                double ratio = Histogram.round((double) large.get("heap_peak_mib") / (double) small.get("heap_peak_mib"));
                double oldRatio = Histogram.round((double) large.get("old_gen_peak_mib") / (double) small.get("old_gen_peak_mib"));
                result.figures.put("heap_peak_ratio_large_vs_small", ratio);
                result.figures.put("old_gen_peak_ratio_large_vs_small", oldRatio);
                result.figures.put("heap_if_files_were_held_mib", concurrency * largeMib);
                // The old generation is where a held file would sit: G1 puts arrays of half a region or more
                // (1 MiB files and up) there at once, as humongous objects. The whole heap's peak mostly shows
                // when the young generation happened to be collected, so it is reported, not judged.
                result.goal("upload heap flat", "old-gen peak ratio " + largeMib + " MiB vs " + smallMib + " MiB <= "
                        + HEAP_RATIO_GOAL, oldRatio, oldRatio <= HEAP_RATIO_GOAL);
            }
            client.shutdownNow();
        }
        return result;
    }

    /** {@code count} uploads of {@code size} bytes, {@code concurrency} at a time; their rate and the heap meanwhile. */
    private static Map<String, Object> phase(Target target, HttpClient client, int concurrency, long size, int count,
            HeapSampler heap, Result result) throws Exception {
        var expectedHash = Pattern.sha256(size);
        var next = new AtomicLong();
        var errors = new LongAdder();
        var latency = new Histogram();
        if (heap != null) {
            heap.gc(target);
            heap.start();
        }
        long t0 = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < concurrency; c++) {
            int worker = c;
            threads.add(Thread.ofVirtual().name("upload-" + c).start(() -> {
                var identity = target.identity(worker);
                while (next.getAndIncrement() < count) {
                    long started = System.nanoTime();
                    try {
                        var boundary = "bench" + worker + "x" + started;
                        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.bin\"\r\n"
                                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
                        var request = HttpRequest.newBuilder(URI.create(target.url + "/api/uploads?workspace_id=" + target.workspaceId))
                                .timeout(Duration.ofMinutes(2))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new Pattern(head, size, tail)), head.length + size + tail.length));
                        if (identity.token() != null) {
                            request.header("Authorization", "Bearer " + identity.token());
                        }
                        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        latency.recordNanos(System.nanoTime() - started);
                        if (response.statusCode() != 201) {
                            errors.increment();
                            result.fail("upload answered " + response.statusCode() + ": " + Api.abbreviate(response.body()));
                            continue;
                        }
                        var upload = Api.JSON.readTree(response.body()).path("upload");
                        if (upload.path("byte_size").asLong() != size || !upload.path("sha256").asText().equals(expectedHash)) {
                            errors.increment();
                            result.fail("upload stored " + upload.path("byte_size").asLong() + " bytes, hash "
                                    + upload.path("sha256").asText() + "; sent " + size + ", hash " + expectedHash);
                        }
                    } catch (Exception e) {
                        errors.increment();
                        result.fail("upload failed: " + e);
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        var out = new LinkedHashMap<String, Object>();
        out.put("file_mib", Histogram.round(size / (double) MIB));
        out.put("uploads", count);
        out.put("seconds", Histogram.round(seconds));
        out.put("mib_per_s", Histogram.round(count * size / (double) MIB / seconds));
        out.put("latency", latency.summary());
        out.put("errors", errors.sum());
        if (heap != null) {
            var sampled = heap.stop();
            out.put("heap_baseline_mib", sampled.get(0));
            out.put("heap_peak_mib", sampled.get(1));
            out.put("heap_samples", sampled.get(2));
            out.put("old_gen_baseline_mib", sampled.get(3));
            out.put("old_gen_peak_mib", sampled.get(4));
        }
        result.check(errors.sum() == 0, errors.sum() + " upload(s) of " + size + " bytes failed");
        return out;
    }

    /** The multipart body: the part head, {@code size} bytes of a repeating pattern, the closing boundary. */
    static final class Pattern extends InputStream {
        private static final byte[] UNIT = "the quick crab sidesteps the lazy lobster 0123456789\n".repeat(64)
                .getBytes(StandardCharsets.US_ASCII);
        private final byte[] head;
        private final byte[] tail;
        private final long size;
        private long at;

        Pattern(byte[] head, long size, byte[] tail) {
            this.head = head;
            this.size = size;
            this.tail = tail;
        }

        static String sha256(long size) throws Exception {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            var in = new Pattern(new byte[0], size, new byte[0]);
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public int read() {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = head.length + size + tail.length;
            if (at >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - at);
            // Copied a run at a time: the load generator shares the machine and must not be the bottleneck.
            int done = 0;
            while (done < n) {
                int run;
                if (at < head.length) {
                    run = (int) Math.min(n - done, head.length - at);
                    System.arraycopy(head, (int) at, b, off + done, run);
                } else if (at < head.length + size) {
                    int in = (int) ((at - head.length) % UNIT.length);
                    run = (int) Math.min(Math.min(n - done, UNIT.length - in), head.length + size - at);
                    System.arraycopy(UNIT, in, b, off + done, run);
                } else {
                    int in = (int) (at - head.length - size);
                    run = Math.min(n - done, tail.length - in);
                    System.arraycopy(tail, in, b, off + done, run);
                }
                done += run;
                at += run;
            }
            return n;
        }
    }

    /** Samples the server's used heap from its /metrics while a phase runs: [baseline MiB, peak MiB, samples]. */
    static final class HeapSampler {
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI uri;
        private volatile boolean running;
        private volatile double peak;
        private volatile double baseline;
        private volatile double oldPeak;
        private volatile double oldBaseline;
        private volatile int samples;
        private Thread thread;

        HeapSampler(String url) {
            this.uri = URI.create(url);
        }

        /** A full GC in the server first (jcmd), so each phase starts from the same live heap. */
        void gc(Target target) throws Exception {
            if (target.server != null) {
                var jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                new ProcessBuilder(jcmd, Long.toString(target.server.pid()), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
        }

        void start() throws Exception {
            var first = usedHeapMib();
            baseline = first[0];
            peak = baseline;
            oldBaseline = first[1];
            oldPeak = oldBaseline;
            samples = 0;
            running = true;
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    try {
                        var now = usedHeapMib();
                        peak = Math.max(peak, now[0]);
                        oldPeak = Math.max(oldPeak, now[1]);
                        samples++;
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a missed sample is not a failure of the server
                    }
                }
            });
        }

        List<Object> stop() throws InterruptedException {
            running = false;
            thread.join();
            return List.of(Histogram.round(baseline), Histogram.round(peak), samples, Histogram.round(oldBaseline),
                    Histogram.round(oldPeak));
        }

        /** [the sum of jvm_memory_used_bytes over the heap pools, that of the old generation], in MiB. */
        double[] usedHeapMib() throws Exception {
            var text = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            double bytes = 0;
            double old = 0;
            for (var line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    bytes += value;
                    if (line.contains("Old Gen") || line.contains("Tenured")) {
                        old += value;
                    }
                }
            }
            return new double[] {bytes / MIB, old / MIB};
        }
    }
}
