package id.kotacerdas.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each process of a local stack (its pid files under {@code .smartcity}) and by this driver, read
 * from {@code /proc}. CPU time per request does not depend on how busy the machine is, so it tells where the work
 * goes and what the platform could carry on this machine: cores ÷ CPU per request.
 */
final class StackCpu {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
    private static final double SECONDS_PER_TICK = 0.01;

    private final Path home;

    StackCpu(Path home) {
        this.home = home;
    }

    /** CPU seconds used so far, by process name; empty where {@code /proc} is not available. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Stream<Path> pids = Files.list(home.resolve("pids"))) {
            pids.filter(f -> f.toString().endsWith(".pid")).sorted().forEach(f -> cpuOf(f).ifPresent(cpu ->
                    seconds.put(f.getFileName().toString().replace(".pid", ""), cpu)));
        } catch (IOException e) {
            return seconds;
        }
        cpuOf(home.resolve("smartcity.pid")).ifPresent(cpu -> seconds.put("launcher (store, SMTP, SMSC)", cpu));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            seconds.put("load driver", os.getProcessCpuTime() / 1e9);
        }
        return seconds;
    }

    /** Prints CPU milliseconds per unit of work between two snapshots and the ceiling that implies. */
    static void print(String unit, long units, Map<String, Double> before, Map<String, Double> after) {
        if (units == 0 || after.isEmpty()) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double platform = 0;
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> process : after.entrySet()) {
            double used = process.getValue() - before.getOrDefault(process.getKey(), 0.0);
            double perUnit = 1000 * used / units;
            line.append(String.format("%s %.2f, ", process.getKey(), perUnit));
            if (!process.getKey().equals("load driver")) {
                platform += perUnit;
            }
        }
        System.out.printf("  CPU per %s (ms, all its work incl. events, routing, notifications): %s%n", unit,
                line.substring(0, line.length() - 2));
        System.out.printf("  platform total %.2f ms CPU per %s -> at most %,.0f %ss/s on %d cores with nothing else running%n",
                platform, unit, cores * 1000 / platform, unit, cores);
    }

    private static java.util.Optional<Double> cpuOf(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).trim();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return java.util.Optional.of(ticks * SECONDS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
