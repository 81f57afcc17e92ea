package id.kotacerdas.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP backend standing in for a service instance: it answers its readiness probe and OpenAPI document
 * and echoes every other request (method, path, query, headers, body size) as JSON. It can be stopped and
 * started again on the same port.
 */
final class EchoBackend {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private volatile long answerDelayMillis;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "echo-backend");
        thread.setDaemon(true);
        return thread;
    });
    private volatile HttpServer server;
    private volatile int port;

    private EchoBackend(String name) {
        this.name = name;
    }

    static EchoBackend start(String name) {
        EchoBackend backend = new EchoBackend(name);
        backend.bind(0);
        return backend;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String name() {
        return name;
    }

    int requests() {
        return requests.get();
    }

    /** The next {@code count} echoed requests are answered 503, as a briefly overloaded service would. */
    void failNext(int count) {
        failuresToAnswer.set(count);
    }

    /** Echoed requests are answered only after {@code millis}, as a busy service would. */
    void delayAnswers(long millis) {
        answerDelayMillis = millis;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized void restart() {
        if (server == null) {
            bind(port);
        }
    }

    private void bind(int wantedPort) {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 64);
                created.createContext("/", this::handle);
                created.setExecutor(executor);
                created.start();
                server = created;
                port = created.getAddress().getPort();
                return;
            } catch (BindException busy) {
                if (attempt > 50) {
                    throw new IllegalStateException("port " + wantedPort + " stays busy", busy);
                }
                pause(200);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Object answer;
        if (path.equals("/actuator/health/readiness")) {
            answer = Map.of("status", "UP");
        } else if (path.equals("/v3/api-docs")) {
            answer = Map.of("openapi", "3.1.0", "info", Map.of("title", name, "version", "1"));
        } else {
            requests.incrementAndGet();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((header, values) ->
                    headers.put(header.toLowerCase(Locale.ROOT), String.join(",", values)));
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("instance", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("headers", headers);
            echo.put("bodyLength", body.length);
            echo.put("body", body.length <= 4096 ? new String(body, StandardCharsets.UTF_8) : null);
            answer = echo;
        }
        if (answer instanceof Map<?, ?> echo && echo.containsKey("instance") && answerDelayMillis > 0) {
            pause(answerDelayMillis);
        }
        int status = 200;
        if (answer != null && ((Map<?, ?>) answer).containsKey("instance")
                && failuresToAnswer.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            status = 503;
        }
        byte[] json = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
