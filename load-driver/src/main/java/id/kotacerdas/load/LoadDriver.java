package id.kotacerdas.load;

import id.kotacerdas.contracts.identity.CallerHeaders;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives load through the gateway of a running platform ({@code ./smartcity up}) and prints, in one run, the
 * raw Kafka and store ceilings of the same machine, report capacity via the gateway and directly, and the
 * submit-to-routed latency at a fixed open-loop rate; then notifications against the raw rates of the SMSC and the
 * mail server, and ballot casting. Run with {@code ./smartcity load [--option value ...]}.
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        String intake = options.getOrDefault("intake", "http://localhost:8081");
        String notification = options.getOrDefault("notification", "http://localhost:8083");
        String kafka = options.getOrDefault("kafka", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        String mongo = options.getOrDefault("mongo", System.getenv().getOrDefault("MONGODB_URI", "mongodb://localhost:27017"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        // The closed loop runs at each of these client counts, to show whether the gateway's share depends on how
        // many requests are in flight (one more hop costs a slow client more); the largest drives the sustained run.
        List<Integer> workers = Arrays.stream(options.getOrDefault("workers", "16,64").split(","))
                .map(String::trim).map(Integer::parseInt).sorted().toList();
        int saturating = workers.get(workers.size() - 1);
        Map<String, String> keys = envFile(Path.of(options.getOrDefault("keys", ".smartcity/demo-keys.env")));

        System.out.printf("== Kota Cerdas load run, %s, %s, %d cores, %d MiB max heap for the driver ==%n",
                ZonedDateTime.now(), InetAddress.getLocalHost().getHostName(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        ReportLoad viaGateway = new ReportLoad(gateway, Map.of("X-API-Key", require(keys, "DEMO_CITIZEN_APP_KEY")));
        ReportLoad direct = new ReportLoad(intake, Map.of(CallerHeaders.CLIENT_ID, "load-driver",
                CallerHeaders.ROLES, "citizen-app"));
        viaGateway.checkAccepted();
        direct.checkAccepted();
        double kafkaCeiling = Ceilings.kafkaProducerRate(kafka, 100_000);
        double storeCeiling = Ceilings.storeInsertRate(mongo, 20_000, 4);
        System.out.printf("Raw ceilings: Kafka producer 1 KB acks=all: %,.0f records/s; store inserts (4 clients): %,.0f docs/s%n",
                kafkaCeiling, storeCeiling);

        // Seven JVMs share the cores, so the optimising compiler needs minutes of traffic before the figures settle:
        // warm both paths (and, through the events, routing and notifications) in turns before measuring.
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
        for (long left = warmup.toSeconds(); left > 0; left -= 10) {
            ReportLoad path = (left / 10) % 2 == 0 ? viaGateway : direct;
            path.closedLoop(8, Duration.ofSeconds(Math.min(10, left)));
        }
        System.out.printf("Warmed up for %d s (--warmup)%n", warmup.toSeconds());
        StackCpu cpu = new StackCpu(Path.of(options.getOrDefault("home", ".smartcity")));
        StoreOperations store = new StoreOperations(mongo);
        Map<String, Double> cpuBefore = cpu.snapshot();
        Map<String, Long> storeBefore = store.snapshot();
        Backlog backlog = new Backlog(kafka, notification);
        Duration patience = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-wait", "600")));
        long closedLoopAccepted = 0;
        for (int clients : workers) {
            closedLoopAccepted += closedLoopInTurns(viaGateway, direct, clients, duration, backlog, patience, kafkaCeiling,
                    storeCeiling);
            backlog.awaitWorkedOff(patience);
        }

        // The closed loop above accepts faster than routing and notifications follow (the backlog it leaves is
        // printed): a rate no one could keep up for an hour. Here each turn waits for its backlog, so both paths are
        // billed for all the work their reports cause; still in turns, against drift.
        ReportLoad.Outcome gatewaySustained = ReportLoad.Outcome.NONE;
        ReportLoad.Outcome directSustained = ReportLoad.Outcome.NONE;
        Duration turn = Duration.ofSeconds(Math.max(5, duration.toSeconds() / 2));
        for (int round = 0; round < 2; round++) {
            gatewaySustained = gatewaySustained.and(viaGateway.closedLoopWorkedOff(saturating, turn, backlog, patience));
            directSustained = directSustained.and(direct.closedLoopWorkedOff(saturating, turn, backlog, patience));
        }
        System.out.printf("Reports, sustained: closed loop of %d clients for %d s, then until every event is consumed and every message sent; 2 turns per path:%n",
                saturating, turn.toSeconds());
        System.out.printf("  via gateway : %,.0f reports/s (%,d accepted in %.0f s incl. working off; %d failed: %s)%n",
                gatewaySustained.acceptedPerSecond(), gatewaySustained.accepted(), gatewaySustained.seconds(),
                gatewaySustained.failed(), gatewaySustained.failures());
        System.out.printf("  intake direct: %,.0f reports/s (%,d accepted in %.0f s incl. working off; %d failed: %s)%n",
                directSustained.acceptedPerSecond(), directSustained.accepted(), directSustained.seconds(),
                directSustained.failed(), directSustained.failures());
        System.out.printf("  gateway = %.0f %% of direct, sustained%n",
                100 * gatewaySustained.acceptedPerSecond() / directSustained.acceptedPerSecond());

        Duration step = Duration.ofSeconds(Long.parseLong(options.getOrDefault("step", "10")));
        int startRate = (int) Math.max(10, 0.5 * Math.min(gatewaySustained.acceptedPerSecond(),
                directSustained.acceptedPerSecond()));
        CapacitySearch gatewaySearch = new CapacitySearch(viaGateway, kafka, startRate);
        CapacitySearch directSearch = new CapacitySearch(direct, kafka, startRate);
        while (!gatewaySearch.done() || !directSearch.done()) {
            gatewaySearch.step(step, backlog, patience);
            directSearch.step(step, backlog, patience);
        }
        System.out.printf("Reports, open-loop capacity: highest rate with all accepted, all routed once and p99 submit -> routed < 1 s (%d s steps from %d/s: +15 %% after a step kept up, half while the first ones miss, then one halfway back; a step that misses is run once more and counts as missed when it misses again):%n",
                step.toSeconds(), startRate);
        System.out.printf("  via gateway : %s%n", gatewaySearch.summary());
        System.out.printf("  intake direct: %s%n", directSearch.summary());
        System.out.printf("  gateway = %.0f %% of direct, open loop%n",
                100.0 * gatewaySearch.capacity() / Math.max(1, directSearch.capacity()));
        try (RoutedWatcher routed = new RoutedWatcher(kafka)) {
            ReportLoad.Outcome open = viaGateway.openLoop(rate, duration, routed);
            routed.awaitAll(Duration.ofSeconds(60));
            System.out.printf("Reports, open loop at %d/s for %d s via gateway:%n", rate, duration.toSeconds());
            System.out.printf("  accepted %,d (%,.0f/s), failed %d (%s), HTTP latency %s%n", open.accepted(),
                    open.acceptedPerSecond(), open.failed(), open.failures(), open.latencies().summary());
            System.out.printf("  routed exactly once %,d of %,d, more than once %d; submit -> ReportRouted %s%n",
                    routed.routedOnce(), routed.expected(), routed.routedMoreThanOnce(), routed.latencies().summary());
            System.out.printf("  the slowest 1 %% were submitted in these seconds of the run: %s; the driver read ReportRouted %s after routing stamped it%n",
                    routed.whenSlowestWereSubmitted(0.01), routed.seenAfterStamped().summary());
            System.out.printf("  the slowest 1 %% waited %s%n", routed.whereSlowestWaited(0.01));
            long reports = closedLoopAccepted + gatewaySustained.accepted() + directSustained.accepted()
                    + gatewaySearch.accepted() + directSearch.accepted() + open.accepted();
            StackCpu.print("report", reports, cpuBefore, cpu.snapshot());
            StoreOperations.print("report", reports, storeBefore, store.snapshot());
        }
        if (!options.containsKey("reports-only")) {
            int notifications = Integer.parseInt(options.getOrDefault("notifications", "5000"));
            backlog.awaitWorkedOff(patience);
            String smtp = options.getOrDefault("smtp", "localhost:" + System.getenv().getOrDefault("SMARTCITY_SMTP_PORT", "2525"));
            double smscCeiling = ceiling("SMSC", () -> MessagingCeilings.smscSubmitRate(smsc(options), 5_000, 8));
            double smtpCeiling = ceiling("SMTP server", () -> MessagingCeilings.smtpSendRate(hostOf(smtp), portOf(smtp), 2_000, 8));
            System.out.printf("Raw ceilings of the far ends: SMSC %,.0f submit_sm/s (8 senders on one session); SMTP server %,.0f mails/s (8 connections)%n",
                    smscCeiling, smtpCeiling);
            Map<String, Double> beforeNotifications = cpu.snapshot();
            Map<String, Long> storeBeforeNotifications = store.snapshot();
            NotificationLoad.Outcome sent = NotificationLoad.run(kafka, notifications);
            System.out.println(sent.summary(smscCeiling, smtpCeiling));
            StackCpu.print("notification", notifications, beforeNotifications, cpu.snapshot());
            StoreOperations.print("notification", notifications, storeBeforeNotifications, store.snapshot());
            backlog.awaitWorkedOff(patience);
            BallotLoad.Outcome ballots = new BallotLoad(gateway, keys, cpu).run(
                    Integer.parseInt(options.getOrDefault("voters", "1000")),
                    Integer.parseInt(options.getOrDefault("booths", "8")));
            System.out.printf("  ballots cast = %.1f %% of the Kafka ceiling, %.1f %% of the store ceiling%n",
                    100 * ballots.castPerSecond() / kafkaCeiling, 100 * ballots.castPerSecond() / storeCeiling);
            backlog.awaitWorkedOff(patience);
            StackCpu.print("cast ballot", ballots.accepted(), ballots.cpuBeforeCasting(), cpu.snapshot());
        }
        backlog.close();
        store.close();
    }

    private static String require(Map<String, String> keys, String name) {
        String key = keys.get(name);
        if (key == null) {
            throw new IllegalStateException(name + " not found: start the platform with ./smartcity up first");
        }
        return key;
    }

    /**
     * A far end's raw rate, or NaN when it cannot be measured (a stack sending to a provider elsewhere has no simulator
     * here): the phase still runs, its shares are then not known.
     */
    private static double ceiling(String farEnd, java.util.concurrent.Callable<Double> measure) {
        try {
            return measure.call();
        } catch (Exception e) {
            System.out.printf("The %s's raw rate could not be measured (%s); shares of it are not known%n", farEnd, e);
            return Double.NaN;
        }
    }

    /** The local stack's SMSC: {@code --smsc host:port}, its system id and the password from the stack's secrets. */
    private static MessagingCeilings.Smsc smsc(Map<String, String> options) throws IOException {
        String address = options.getOrDefault("smsc", "localhost:" + System.getenv().getOrDefault("SMARTCITY_SMPP_PORT", "2775"));
        String password = System.getenv().getOrDefault("SMPP_PASSWORD",
                envFile(Path.of(options.getOrDefault("home", ".smartcity"), "secrets.env")).getOrDefault("SMPP_PASSWORD", ""));
        return new MessagingCeilings.Smsc(hostOf(address), portOf(address),
                System.getenv().getOrDefault("SMPP_SYSTEM_ID", "kotacerdas"), password);
    }

    private static String hostOf(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** NAME=value lines, as the local stack writes its demo keys and secrets. */
    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> keys = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    keys.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return keys;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(name, hasValue ? args[++i] : "true");
            }
        }
        return options;
    }

    /**
     * Both paths leave routing and notification work behind them. Taking turns in short slices spreads drift over
     * both, but a turn that starts on the other path's leftovers pays for them, and 5 s of the faster path leave about
     * twice the work of the slower one's. Each turn therefore starts once the previous turn's work is done (not
     * counted), and counts only what its own path accepts while its own work competes with it.
     *
     * @return reports accepted on both paths
     */
    private static int closedLoopInTurns(ReportLoad viaGateway, ReportLoad direct, int clients, Duration duration,
                                          Backlog backlog, Duration patience, double kafkaCeiling, double storeCeiling)
            throws Exception {
        ReportLoad.Outcome gatewayCapacity = ReportLoad.Outcome.NONE;
        ReportLoad.Outcome directCapacity = ReportLoad.Outcome.NONE;
        for (long left = duration.toSeconds(); left > 0; left -= 5) {
            Duration slice = Duration.ofSeconds(Math.min(5, left));
            backlog.workOff(patience);
            gatewayCapacity = gatewayCapacity.and(viaGateway.closedLoop(clients, slice));
            backlog.workOff(patience);
            directCapacity = directCapacity.and(direct.closedLoop(clients, slice));
        }
        System.out.printf("Reports, closed loop, %d clients, %d s on each path in turns of 5 s, each on a worked-off backlog:%n",
                clients, duration.toSeconds());
        System.out.printf("  via gateway : %,.0f accepted/s (%d failed: %s), latency %s%n", gatewayCapacity.acceptedPerSecond(),
                gatewayCapacity.failed(), gatewayCapacity.failures(), gatewayCapacity.latencies().summary());
        System.out.printf("  intake direct: %,.0f accepted/s (%d failed: %s), latency %s%n", directCapacity.acceptedPerSecond(),
                directCapacity.failed(), directCapacity.failures(), directCapacity.latencies().summary());
        System.out.printf("  gateway = %.0f %% of direct; intake direct = %.1f %% of the Kafka ceiling, %.1f %% of the store ceiling%n",
                100 * gatewayCapacity.acceptedPerSecond() / directCapacity.acceptedPerSecond(),
                100 * directCapacity.acceptedPerSecond() / kafkaCeiling, 100 * directCapacity.acceptedPerSecond() / storeCeiling);
        return gatewayCapacity.accepted() + directCapacity.accepted();
    }
}
