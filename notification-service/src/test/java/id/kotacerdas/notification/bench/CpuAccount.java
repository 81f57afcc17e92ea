package id.kotacerdas.notification.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU of one benchmark phase went, per thread group: everything (broker, store, simulators, service,
 * the harness's own producer) runs in this one JVM, so thread CPU time splits the cost per message by component.
 * The rest of the process's CPU time (not on any Java thread) is the JVM itself: GC and compilation.
 */
final class CpuAccount {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<Long, Long> startByThread = new HashMap<>();
    private final long processStart;
    private final long compilingStart = compilingMillis();
    private final long collectingStart = collectingMillis();
    private final long wallStart = System.nanoTime();
    private final Instant startedAt = Instant.now();

    private CpuAccount() {
        for (long id : THREADS.getAllThreadIds()) {
            startByThread.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        processStart = PROCESS.getProcessCpuTime();
    }

    static CpuAccount start() {
        return new CpuAccount();
    }

    /** Prints CPU milliseconds per message by component, largest first. */
    void print(String phase, int messages) {
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Map<String, Long> byGroup = new HashMap<>();
        long threadTotal = 0;
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()))
                    - startByThread.getOrDefault(info.getThreadId(), 0L);
            if (used > 0) {
                byGroup.merge(group(info.getThreadName()), used, Long::sum);
                threadTotal += used;
            }
        }
        long process = PROCESS.getProcessCpuTime() - processStart;
        byGroup.put("JVM (GC, JIT; not on a Java thread)", Math.max(0, process - threadTotal));
        System.out.printf("  %s, until its last outcome event (%s to %s): %.1f s wall, %.1f CPU-s in this JVM (%.0f%% of %d cores), %.2f CPU-ms per message%n",
                phase, startedAt, Instant.now(), wallSeconds, process / 1e9, 100.0 * process / 1e9 / wallSeconds
                        / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), process / 1e6 / messages);
        System.out.printf("    (JIT compiling %.1f s, GC pauses %.1f s during the phase)%n",
                (compilingMillis() - compilingStart) / 1e3, (collectingMillis() - collectingStart) / 1e3);
        Map<String, Long> sorted = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((name, nanos) -> {
            if (nanos / 1e6 / messages >= 0.005) {
                System.out.printf("    %7.3f ms/msg  %s%n", nanos / 1e6 / messages, name);
            }
        });
    }

    private static long compilingMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long collectingMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }

    /** Thread names without their numbers; the well-known ones named after their component. */
    private static String group(String thread) {
        if (thread.startsWith("smtp:")) {
            return "mail sink (GreenMail SMTP sessions)";
        }
        if (thread.startsWith("mongo-server")) {
            return "store server (mongo-java-server)";
        }
        if (thread.startsWith("data-plane-kafka") || thread.startsWith("kafka") && !thread.startsWith("kafka-producer")
                && !thread.startsWith("kafka-coordinator") || thread.startsWith("quorum") || thread.startsWith("raft")
                || thread.startsWith("group-coordinator") || thread.startsWith("executor-")
                || thread.startsWith("broker") || thread.startsWith("controller")) {
            return "kafka broker";
        }
        return thread.replaceAll("\\d+", "#");
    }
}
