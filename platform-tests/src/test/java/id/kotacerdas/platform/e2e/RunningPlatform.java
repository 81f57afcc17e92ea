package id.kotacerdas.platform.e2e;

import id.kotacerdas.localstack.Console;
import id.kotacerdas.localstack.LocalStack;
import id.kotacerdas.localstack.StackHome;
import id.kotacerdas.localstack.StackSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The whole platform as {@code ./smartcity up} runs it — a Kafka broker JVM, the store and the SMTP/SMPP
 * sinks, every service and the gateway as separate JVMs from their executable jars — started once for all
 * end-to-end tests of this JVM, with its state in {@code target/e2e}. Tests drive it only through the
 * gateway and look at what citizens would receive in the sinks.
 */
final class RunningPlatform {

    static final String GATEWAY = "http://localhost:8080";
    static final String SINKS = "http://localhost:8025";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningPlatform instance;

    final LocalStack stack;
    final StackHome home;
    final Map<String, String> keys;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningPlatform(LocalStack stack, StackHome home, Map<String, String> keys) {
        this.stack = stack;
        this.home = home;
        this.keys = keys;
    }

    static synchronized RunningPlatform get() throws IOException {
        if (instance == null) {
            Path repository = Path.of("..").toAbsolutePath().normalize();
            Path state = Path.of("target", "e2e").toAbsolutePath();
            deleteRecursively(state);
            awaitFreePorts();
            StackHome home = new StackHome(repository, state).create();
            Map<String, String> env = new HashMap<>(System.getenv());
            env.remove("KAFKA_BOOTSTRAP_SERVERS");
            env.remove("MONGODB_URI");
            env.remove("SMTP_HOST");
            env.remove("SMPP_HOST");
            // class data archives are written at exit, which slows stopping a killed-and-restarted service
            env.putIfAbsent("SMARTCITY_CDS", "0");
            env.putIfAbsent("SMARTCITY_SERVICE_TIMEOUT", "300");
            // the suites send a few hundred requests per key within a minute: the per-client rate limits are
            // a gateway feature with its own tests, not what these suites measure
            env.putIfAbsent("SMARTCITY_JAVA_OPTS", String.join(" ",
                    "-Dkotacerdas.gateway.rate-limit.roles.citizen-app.capacity=100000",
                    "-Dkotacerdas.gateway.rate-limit.roles.operator.capacity=100000",
                    "-Dkotacerdas.gateway.rate-limit.roles.agency-staff.capacity=100000",
                    "-Dkotacerdas.gateway.rate-limit.roles.election-admin.capacity=100000",
                    "-Dkotacerdas.gateway.rate-limit.roles.tps-officer.capacity=100000",
                    "-Dkotacerdas.gateway.rate-limit.roles.guardian.capacity=100000",
                    "-Dkotacerdas.gateway.rate-limit.anonymous.capacity=100000"));
            LocalStack stack = new LocalStack(home, StackSettings.from(env), new Console(System.out));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "e2e-platform-stop"));
            stack.start();
            instance = new RunningPlatform(stack, home, readKeys(home.demoKeysFile()));
        }
        return instance;
    }

    /** Another stack (a developer's, or a colleague's trial run) may hold the ports for a while: wait up to 10 minutes. */
    private static void awaitFreePorts() {
        int[] ports = {8080, 8081, 8082, 8083, 8084, 8025, 9092, 9093, 27017, 2525, 2775};
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Integer> busy = java.util.Arrays.stream(ports).filter(p -> !id.kotacerdas.localstack.process.PortGuard.isFree(p))
                    .boxed().toList();
            if (busy.isEmpty()) {
                return;
            }
            System.out.println("[e2e] waiting for ports " + busy + " to be free");
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    String key(String name) {
        String key = keys.get(name);
        if (key == null) {
            throw new AssertionError("demo key " + name + " missing; have " + keys.keySet());
        }
        return key;
    }

    /** Any request through the gateway; {@code body} null for none. */
    HttpResponse<String> send(String method, String path, String apiKey, String contentType, String body,
                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the check passes (a non-null, non-false value), or fails with the last observation. */
    static <T> T eventually(String what, Duration timeout, java.util.concurrent.Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (true) {
            try {
                T value = check.call();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
                last = value;
            } catch (Exception | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + " (last: " + last + ")");
            }
            Thread.sleep(500);
        }
    }

    /** Every service's own readiness endpoint (not through the gateway) answers 200. */
    java.util.List<String> unhealthyServices() {
        java.util.List<String> unhealthy = new java.util.ArrayList<>();
        for (var service : id.kotacerdas.localstack.service.ServiceSpec.ALL) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(service.readinessUrl())).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    unhealthy.add(service.name() + " " + status);
                }
            } catch (Exception e) {
                unhealthy.add(service.name() + " " + e);
            }
        }
        return unhealthy;
    }

    HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String apiKey, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        String body = String.join("&", form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SMS the SMSC simulator received from the platform (outbound), newest first. */
    List<JsonNode> smsTo(String phone) throws Exception {
        String wanted = msisdn(phone);
        return sinkItems("/sms", item -> "outbound".equals(item.path("direction").asString())
                && wanted.equals(msisdn(item.path("to").asString())));
    }

    /** A phone number in one form whatever way it was written: digits with the country code, e.g. 62812... */
    static String msisdn(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
    }

    /** E-mails the SMTP sink received for this address, newest first. */
    List<JsonNode> mailTo(String address) throws Exception {
        return sinkItems("/mail", item -> StreamSupport.stream(item.path("to").spliterator(), false)
                .anyMatch(to -> to.asString().contains(address)));
    }

    void textFromCitizen(String from, String to, String text) throws Exception {
        HttpResponse<String> answer = postForm(SINKS + "/sms/inbound", Map.of("from", from, "to", to, "text", text));
        if (answer.statusCode() != 202) {
            throw new AssertionError("SMSC did not accept the inbound SMS: " + answer.statusCode() + " " + answer.body());
        }
    }

    private List<JsonNode> sinkItems(String path, Predicate<JsonNode> filter) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(SINKS + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return StreamSupport.stream(JSON.readTree(answer.body()).spliterator(), false).filter(filter).toList();
    }

    static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static Map<String, String> readKeys(Path file) throws IOException {
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
