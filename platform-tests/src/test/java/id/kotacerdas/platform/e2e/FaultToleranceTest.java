package id.kotacerdas.platform.e2e;

import static id.kotacerdas.platform.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import id.kotacerdas.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing twice: under a steady load of reports through the gateway, intake, routing and notification
 * are each killed with SIGKILL and restarted, the Kafka broker is restarted and the store is stopped for a few
 * seconds. Afterwards every report accepted with 201 must have been routed exactly once, and every notification
 * request must have produced exactly one message at the SMSC or SMTP sink.
 *
 * <p>Heavy (several service restarts on a 2-core machine): runs with {@code -Dfaults=true} or
 * {@code KOTACERDAS_E2E_FAULTS=true}.
 */
@EnabledIf("faultsWanted")
@org.junit.jupiter.api.Order(9)
class FaultToleranceTest {

    private static final double REPORTS_PER_SECOND = 3;
    private static final Duration CONVERGENCE = Duration.ofMinutes(4);
    private static final List<String> KILLED_SERVICES =
            List.of("intake-service", "routing-service", "notification-service", "voting-service");
    /** Which fault the load is under, to tell each answer other than 201 by when it was sent. */
    private static volatile String phase = "before the faults";

    static boolean faultsWanted() {
        return Boolean.getBoolean("faults") || "true".equalsIgnoreCase(System.getenv("KOTACERDAS_E2E_FAULTS"));
    }

    @Test
    void underLoadWithKilledServicesARestartedBrokerAndAStoppedStoreEveryReportIsRoutedOnceAndEveryRequestSentOnce()
            throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        try (TopicRecorder assignments = new TopicRecorder(Topics.ASSIGNMENTS);
             TopicRecorder requests = new TopicRecorder(Topics.NOTIFICATION_REQUESTS)) {
            OpenPilkades election = OpenPilkades.open(platform, 400);
            Voting voting = new Voting(platform, election);
            Load load = new Load(platform);
            load.start();
            voting.start();
            pause(10);
            for (String service : KILLED_SERVICES) {
                fault("kill -9 " + service, () -> {
                    platform.stack.killService(service);
                    pause(3);
                    platform.stack.restartService(service);
                });
                pause(5);
            }
            fault("restart the Kafka broker", platform.stack::restartKafka);
            pause(5);
            fault("stop the store for 5 s", () -> {
                platform.stack.stopStore();
                pause(5);
                platform.stack.startStore();
            });
            pause(10);
            load.stop();
            voting.stop();

            Set<String> accepted = load.accepted.keySet();
            System.out.printf("[faults] load: %d submissions, %d accepted with 201, the other answers by when they were sent: %s%n",
                    load.sent.get(), accepted.size(), load.otherAnswers);

            // every accepted report routed: wait until each has its ReportRouted, then a little longer for late repeats
            RunningPlatform.eventually("every accepted report routed", CONVERGENCE, () -> {
                Set<String> routed = routedEvents(assignments).stream().map(e -> e.payload().path("trackingNumber").asString())
                        .collect(Collectors.toSet());
                return routed.containsAll(accepted);
            });
            pause(15);
            Map<String, Long> routingsPerReport = routedEvents(assignments).stream()
                    .filter(e -> accepted.contains(e.payload().path("trackingNumber").asString()))
                    .collect(Collectors.groupingBy(e -> e.payload().path("trackingNumber").asString(),
                            Collectors.mapping(TopicRecorder.Event::id, Collectors.toSet())))
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
            long routedOnce = routingsPerReport.values().stream().filter(n -> n == 1).count();
            long routedTwice = routingsPerReport.values().stream().filter(n -> n > 1).count();
            long notRouted = accepted.stream().filter(tn -> !routingsPerReport.containsKey(tn)).count();
            long repeatedRecords = routedEvents(assignments).size() - routingsPerReport.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("[faults] reports accepted %d: routed exactly once %d, more than once %d, not routed %d "
                    + "(repeated ReportRouted records of the same event absorbed by consumers: %d)%n",
                    accepted.size(), routedOnce, routedTwice, notRouted, Math.max(0, repeatedRecords));

            // every notification request about these reports produced exactly one message
            Map<String, JsonNode> requestsById = new HashMap<>();
            for (TopicRecorder.Event event : requests.events()) {
                String trackingNumber = event.payload().path("parameters").path("trackingNumber").asString();
                if (accepted.contains(trackingNumber)) {
                    requestsById.putIfAbsent(event.payload().path("requestId").asString(), event.payload());
                }
            }
            Map<String, Long> expected = requestsById.values().stream().collect(Collectors.groupingBy(
                    FaultToleranceTest::firstAddress, Collectors.counting()));
            RunningPlatform.eventually("a message for every notification request", CONVERGENCE,
                    () -> messagesPerAddress(platform, expected.keySet()).entrySet().stream()
                            .allMatch(e -> e.getValue() >= expected.getOrDefault(e.getKey(), 0L)));
            pause(10);
            Map<String, Long> actual = messagesPerAddress(platform, expected.keySet());
            long exact = expected.entrySet().stream().filter(e -> e.getValue().equals(actual.get(e.getKey()))).count();
            List<String> mismatches = new ArrayList<>();
            expected.forEach((address, count) -> {
                if (!count.equals(actual.get(address))) {
                    mismatches.add(address + " expected " + count + " got " + actual.get(address));
                }
            });
            System.out.printf("[faults] notification requests %d to %d recipient+report pairs: exactly matched %d, mismatched %d %s%n",
                    requestsById.size(), expected.size(), exact, mismatches.size(), mismatches.stream().limit(10).toList());

            // every accepted ballot on the board once, none twice
            List<String> board = election.board(platform);
            Set<String> acceptedBallots = Set.copyOf(voting.accepted);
            long missing = acceptedBallots.stream().filter(code -> !board.contains(code)).count();
            long twice = board.size() - board.stream().distinct().count();
            System.out.printf("[faults] ballots: %d cast attempts, %d accepted with 201 (the others: %s), %d entries on the "
                    + "board, accepted but missing %d, on the board twice %d, on the board without an accepted answer %d%n",
                    voting.attempts.get(), acceptedBallots.size(), voting.otherAnswers, board.size(), missing, twice,
                    board.stream().filter(code -> !acceptedBallots.contains(code)).count());

            assertThat(accepted).as("reports accepted under load").isNotEmpty();
            assertThat(acceptedBallots).as("ballots accepted under load").isNotEmpty();
            assertThat(missing).as("accepted ballots missing from the board").isZero();
            assertThat(twice).as("ballots on the board twice").isZero();
            assertThat(notRouted).as("accepted reports never routed").isZero();
            assertThat(routedTwice).as("reports routed more than once").isZero();
            assertThat(mismatches).as("notification requests without exactly one message").isEmpty();
            assertThat(platform.unhealthyServices()).isEmpty();
            for (String service : KILLED_SERVICES) {
                // the killed instance's Tomcat directories went with it: its temp directory is emptied on restart
                assertThat(tomcatDirectories(platform, service)).as("Tomcat directories of " + service).hasSize(1);
            }
        }
    }

    private static List<String> tomcatDirectories(RunningPlatform platform, String service) throws IOException {
        try (Stream<Path> entries = Files.list(platform.home.dir().resolve("tmp").resolve(service))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("tomcat.")).toList();
        }
    }

    private static List<TopicRecorder.Event> routedEvents(TopicRecorder assignments) {
        return assignments.events().stream().filter(e -> "city.assignment.routed.v1".equals(e.type())).toList();
    }

    /** Where the request's first channel goes, with the report it is about: "sms:62812…|MMK-…" or "mail:a@b|MMK-…". */
    private static String firstAddress(JsonNode request) {
        String channel = request.path("channels").path(0).asString();
        String trackingNumber = request.path("parameters").path("trackingNumber").asString();
        JsonNode recipient = request.path("recipient");
        boolean sms = "SMS".equals(channel) && !recipient.path("phone").asString("").isBlank();
        return sms ? "sms:" + RunningPlatform.msisdn(recipient.path("phone").asString()) + "|" + trackingNumber
                : "mail:" + recipient.path("email").asString().toLowerCase() + "|" + trackingNumber;
    }

    private static Map<String, Long> messagesPerAddress(RunningPlatform platform, Set<String> addresses) {
        var sms = platform.stack.allSms();
        var mail = platform.stack.allMail();
        Map<String, Long> counts = new HashMap<>();
        for (String address : addresses) {
            String[] parts = address.split("\\|", 2);
            String trackingNumber = parts[1];
            long n;
            if (parts[0].startsWith("sms:")) {
                String msisdn = parts[0].substring(4);
                n = sms.stream().filter(m -> "outbound".equals(m.direction()) && msisdn.equals(RunningPlatform.msisdn(m.to()))
                        && m.text().contains(trackingNumber)).count();
            } else {
                String email = parts[0].substring(5);
                n = mail.stream().filter(m -> m.to().stream().anyMatch(to -> to.toLowerCase().contains(email))
                        && (m.subject() + m.text()).contains(trackingNumber)).count();
            }
            counts.put(address, n);
        }
        return counts;
    }

    private static void fault(String name, ThrowingRunnable action) throws Exception {
        long start = System.nanoTime();
        phase = "during " + name;
        action.run();
        phase = "after " + name;
        System.out.printf("[faults] %s: done, service back after %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One voter after another checks in and casts, about one a second, while the faults happen. */
    private static final class Voting {
        final RunningPlatform platform;
        final OpenPilkades election;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final Map<String, Integer> otherAnswers = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private final Thread voter;

        Voting(RunningPlatform platform, OpenPilkades election) {
            this.platform = platform;
            this.election = election;
            this.voter = new Thread(this::vote, "voter");
        }

        void start() {
            voter.start();
        }

        private void vote() {
            for (int i = 0; running && i < election.voters(); i++) {
                attempts.incrementAndGet();
                String sentDuring = phase;
                // a ballot not accepted must then not be on the board either way, which the board check shows
                try {
                    OpenPilkades.Cast cast = election.vote(platform, i);
                    if (cast.trackingCode() != null) {
                        accepted.add(cast.trackingCode());
                    } else {
                        otherAnswers.merge(cast.refusal() + " " + sentDuring, 1, Integer::sum);
                    }
                } catch (Exception unreachable) {
                    otherAnswers.merge(unreachable.getClass().getSimpleName() + " " + sentDuring, 1, Integer::sum);
                }
                pause(1);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            voter.join(90_000);
        }
    }

    /** Open-loop load: a submission every 1/rate seconds whatever the answers, each reporter with its own phone. */
    private static final class Load {
        final RunningPlatform platform;
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        final Map<String, String> accepted = new ConcurrentHashMap<>();
        final Map<String, Integer> otherAnswers = new ConcurrentHashMap<>();
        final List<java.util.concurrent.CompletableFuture<?>> inFlight = new CopyOnWriteArrayList<>();
        final AtomicInteger sent = new AtomicInteger();

        Load(RunningPlatform platform) {
            this.platform = platform;
        }

        void start() {
            String key = platform.key("DEMO_CITIZEN_APP_KEY");
            timer.scheduleAtFixedRate(() -> submit(key), 0, (long) (1000 / REPORTS_PER_SECOND), TimeUnit.MILLISECONDS);
        }

        private void submit(String key) {
            int n = sent.incrementAndGet();
            String sentDuring = phase;
            String phone = "+62813" + String.format("%08d", 50_000_000 + n + (System.currentTimeMillis() / 1000 % 1000) * 10_000);
            String body = """
                    {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"jalan-rusak","description":"Beban uji %d: jalan berlubang",
                     "location":{"latitude":-4.5467,"longitude":136.8833},
                     "reporter":{"phone":"%s","preferredChannel":"SMS","locale":"id"}}""".formatted(n, phone);
            HttpRequest request = HttpRequest.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/v1/reports"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("X-API-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.add(platform.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
                if (error != null) {
                    otherAnswers.merge(error.getClass().getSimpleName() + " " + sentDuring, 1, Integer::sum);
                } else if (answer.statusCode() == 201) {
                    accepted.put(json(answer).path("trackingNumber").asString(), phone);
                } else {
                    otherAnswers.merge(answer.statusCode() + " " + sentDuring, 1, Integer::sum);
                }
            }));
        }

        void stop() {
            timer.shutdownNow();
            for (var future : inFlight) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // counted as another answer
                }
            }
        }
    }
}
