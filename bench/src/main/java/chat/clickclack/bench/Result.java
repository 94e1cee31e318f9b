package chat.clickclack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario found: its settings, its figures (nested maps allowed), the performance targets with
 * whether each was met, and correctness failures. Correctness failures fail the run (exit code 1, in quick
 * mode and full mode alike); a missed target never does, it is a finding to report.
 *
 * <p>Threading: scenarios fill it from their main thread after the load has stopped, except
 * {@link #fail}, which is synchronized so workers may report problems as they happen.
 */
final class Result {
    static final int MAX_FAILURES_KEPT = 20;

    /** A performance goal from issue 5 and how this run did against it. */
    record Goal(String name, String goal, Object actual, boolean met) {}

    final String scenario;
    final Map<String, Object> settings = new LinkedHashMap<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<Goal> goals = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int failureCount;

    Result(String scenario) {
        this.scenario = scenario;
    }

    synchronized void fail(String problem) {
        failureCount++;
        if (failures.size() < MAX_FAILURES_KEPT) {
            failures.add(problem);
        }
    }

    void check(boolean ok, String problem) {
        if (!ok) {
            fail(problem);
        }
    }

    synchronized boolean passed() {
        return failureCount == 0;
    }

    void goal(String name, String goal, Object actual, boolean met) {
        goals.add(new Goal(name, goal, actual, met));
    }

    synchronized Map<String, Object> toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("passed", failureCount == 0);
        out.put("settings", settings);
        out.put("figures", figures);
        var goalList = new ArrayList<Map<String, Object>>();
        for (var g : goals) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", g.name());
            m.put("goal", g.goal());
            m.put("actual", g.actual());
            m.put("met", g.met());
            goalList.add(m);
        }
        out.put("targets", goalList);
        out.put("failure_count", failureCount);
        out.put("failures", List.copyOf(failures));
        return out;
    }

    /** A readable table: settings on one line, one figure per line, then targets and failures. */
    synchronized String table() {
        var out = new StringBuilder();
        out.append("\n== ").append(scenario).append(" ").append("=".repeat(Math.max(3, 66 - scenario.length()))).append('\n');
        out.append("settings: ");
        settings.forEach((k, v) -> out.append(k).append('=').append(v).append("  "));
        out.append('\n');
        flatten("", figures, out);
        if (!goals.isEmpty()) {
            out.append("targets:\n");
            for (var g : goals) {
                out.append(String.format("  [%s] %-28s %-34s actual %s%n", g.met() ? "met " : "MISS", g.name(), g.goal(), g.actual()));
            }
        }
        if (failureCount == 0) {
            out.append("correctness: OK\n");
        } else {
            out.append("correctness: ").append(failureCount).append(" FAILURE(S)\n");
            failures.forEach(f -> out.append("  - ").append(f).append('\n'));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, StringBuilder out) {
        for (var entry : map.entrySet()) {
            var key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                boolean leafy = nested.values().stream().noneMatch(v -> v instanceof Map || v instanceof List);
                if (leafy && nested.size() <= 8) {
                    out.append(String.format("  %-36s ", key));
                    nested.forEach((k, v) -> out.append(k).append('=').append(v).append(' '));
                    out.append('\n');
                } else {
                    flatten(key + ".", (Map<String, Object>) nested, out);
                }
            } else if (entry.getValue() instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map) {
                out.append(String.format("  %s:%n", key));
                for (var item : list) {
                    out.append("    ");
                    ((Map<String, Object>) item).forEach((k, v) -> out.append(k).append('=').append(v).append(' '));
                    out.append('\n');
                }
            } else {
                out.append(String.format("  %-36s %s%n", key, entry.getValue()));
            }
        }
    }
}
