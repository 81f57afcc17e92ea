package id.kotacerdas.load;

import id.kotacerdas.contracts.EventJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Submits citizen reports over HTTP: closed loop to find capacity, open loop at a fixed rate for latency. */
final class ReportLoad {

    private static final String[] CATEGORIES = {"jalan-rusak", "drainase", "lampu-jalan", "sampah", "air-bersih"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> headers;

    ReportLoad(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    record Outcome(int accepted, int failed, double seconds, Latencies latencies, Failures failures) {

        static final Outcome NONE = new Outcome(0, 0, 0, new Latencies(), new Failures());

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        /** This run and {@code next} as one. */
        Outcome and(Outcome next) {
            return new Outcome(accepted + next.accepted, failed + next.failed, seconds + next.seconds,
                    latencies.and(next.latencies), failures.and(next.failures));
        }
    }

    /** {@code workers} clients each submitting as fast as answers come back, for {@code duration}. */
    Outcome closedLoop(int workers, Duration duration) throws InterruptedException {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Failures failures = new Failures();
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            accepted.incrementAndGet();
                            latencies.add((System.nanoTime() - sent) / 1000);
                        } else {
                            failed.incrementAndGet();
                            failures.add(answer);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Outcome(accepted.get(), failed.get(), Ceilings.seconds(start), latencies, failures);
    }

    /**
     * What the platform keeps up with, not only what it accepts: a closed loop for {@code duration}, then the wait
     * until every event is consumed and every message sent, the rate counted over both.
     */
    Outcome closedLoopWorkedOff(int workers, Duration duration, Backlog backlog, Duration patience) throws Exception {
        Outcome loop = closedLoop(workers, duration);
        double workingOff = backlog.workOff(patience);
        return new Outcome(loop.accepted(), loop.failed(), loop.seconds() + workingOff, loop.latencies(), loop.failures());
    }

    /**
     * Sends at {@code ratePerSecond} whatever the answers do (open loop), timing each request from when it was
     * due, so a stalled server shows up in the latencies. Reports each accepted tracking number to {@code routed}.
     */
    Outcome openLoop(int ratePerSecond, Duration duration, RoutedWatcher routed) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong outstanding = new AtomicLong();
        Failures failures = new Failures();
        Latencies latencies = new Latencies();
        long total = (long) ratePerSecond * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            outstanding.incrementAndGet();
            inFlight.add(http.sendAsync(request(), HttpResponse.BodyHandlers.ofString()).handle((answer, error) -> {
                outstanding.decrementAndGet();
                if (error == null && answer.statusCode() == 201) {
                    accepted.incrementAndGet();
                    latencies.add((System.nanoTime() - due) / 1000);
                    JsonNode body = EventJson.MAPPER.readTree(answer.body());
                    routed.expect(body.path("trackingNumber").asString(), due);
                } else {
                    failed.incrementAndGet();
                    if (error != null) {
                        failures.add(error);
                    } else {
                        failures.add(answer);
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return new Outcome(accepted.get(), failed.get(), Ceilings.seconds(start), latencies, failures);
    }

    /** One report, to stop a run early when the stack refuses it (a stale demo key gives only 401s). */
    void checkAccepted() throws Exception {
        HttpResponse<String> answer = http.send(request(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(baseUrl + " answered a report with " + answer.statusCode() + ": "
                    + answer.body() + (answer.statusCode() == 401
                    ? " (the demo keys are written when the gateway starts: run the driver after ./smartcity up is ready)" : ""));
        }
    }

    private HttpRequest request() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"%s",
                 "description":"Laporan uji beban %s: jalan berlubang dekat pasar",
                 "location":{"latitude":%.6f,"longitude":%.6f},
                 "reporter":{"name":"Warga Uji","phone":"0812%08d","preferredChannel":"SMS"}}
                """.formatted(CATEGORIES[random.nextInt(CATEGORIES.length)], UUID.randomUUID(),
                -4.55 + random.nextDouble(0.1), 136.85 + random.nextDouble(0.1), random.nextInt(100_000_000));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder.build();
    }
}
