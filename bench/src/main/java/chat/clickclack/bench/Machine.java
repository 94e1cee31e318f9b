package chat.clickclack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about the machine a run happened on, and /proc readings of processes. */
final class Machine {
    private Machine() {}

    /** The java launcher of the JDK running the bench; started servers and CLI calls use the same one. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Map<String, Object> describe() {
        var out = new LinkedHashMap<String, Object>();
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("cpu_model", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        out.put("memory_mib", meminfoMib("MemTotal"));
        out.put("memory_available_mib", meminfoMib("MemAvailable"));
        out.put("load_average", loadAverage());
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        out.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        out.put("java_home", System.getProperty("java.home"));
        return out;
    }

    static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Resident set size of a process in MiB (VmRSS), or -1 when it cannot be read. */
    static double rssMib(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Histogram.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /** CPU time used by this (the bench) process so far, in milliseconds. */
    static long benchCpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /**
     * This process's CPU split into user and kernel time, in milliseconds ({@code /proc/self/stat} utime and
     * stime, assuming the usual 100 ticks a second), or {-1, -1} when unreadable. Socket reads and writes cost
     * the load generator kernel time that no Java profile shows.
     */
    static long[] benchUserSysMillis() {
        try {
            var stat = Files.readString(Path.of("/proc/self/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime field 14, stime field 15 (1-based, see proc(5)).
            return new long[] {Long.parseLong(fields[11]) * 10, Long.parseLong(fields[12]) * 10};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static long meminfoMib(String key) {
        var value = firstValue(Path.of("/proc/meminfo"), key);
        try {
            return Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (var line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }
}
