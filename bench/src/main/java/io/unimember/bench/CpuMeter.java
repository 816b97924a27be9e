package io.unimember.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time (user + system) of the platform's processes, read from {@code /proc/<pid>/stat}: what a step cost each
 * process per request or per order. {@code ./platform bench} passes the processes as {@code cpu=name:pid,...}.
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
    private static final long MICROS_PER_TICK = 10_000;

    private final Map<String, Long> pids = new LinkedHashMap<>();

    CpuMeter(String spec) {
        for (String entry : spec.split(",")) {
            String[] parts = entry.split(":", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                pids.put(parts[0], Long.parseLong(parts[1].trim()));
            }
        }
    }

    /** CPU microseconds used so far, per process that could be read. */
    Map<String, Long> snapshot() {
        Map<String, Long> micros = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                micros.put(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK);
            } catch (IOException | RuntimeException e) {
                // gone, or no /proc: left out
            }
        });
        return micros;
    }

    /** "name µs, …" per unit of work between two snapshots, busiest first, and the total. */
    static String perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        if (units <= 0 || before.isEmpty()) {
            return "n/a";
        }
        Map<String, Double> each = new LinkedHashMap<>();
        before.forEach((name, start) -> {
            Long end = after.get(name);
            if (end != null) {
                each.put(name, (end - start) / (double) units);
            }
        });
        double total = each.values().stream().mapToDouble(Double::doubleValue).sum();
        return each.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, "; total %.0f µs", total);
    }
}
