package id.kotacerdas.localstack.sinks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP view of the sinks: {@code GET /} an HTML page, {@code GET /sms} and {@code GET /mail} JSON
 * (newest first), {@code POST /sms/inbound} to inject a citizen's SMS, {@code POST /sms/mode} to make the
 * SMSC fail or go slow. Bodies may be JSON or form-encoded. Either sink may be absent (replaced by a real one).
 */
public final class SinksView implements AutoCloseable {

    public static final String PART = "sinks-view";
    private static final int LIST_LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;
    private final ExecutorService executor;
    private final MailArchive mail;
    private final SmsSink sms;

    private SinksView(HttpServer server, ExecutorService executor, MailArchive mail, SmsSink sms) {
        this.server = server;
        this.executor = executor;
        this.mail = mail;
        this.sms = sms;
    }

    /** {@code mail} and {@code sms} may be null when that sink is replaced by a real server. */
    public static SinksView start(String host, int port, MailArchive mail, SmsSink sms) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sinks-view");
            thread.setDaemon(true);
            return thread;
        });
        SinksView view = new SinksView(server, executor, mail, sms);
        server.createContext("/", view::handle);
        server.setExecutor(executor);
        server.start();
        return view;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET /", "GET /index.html" -> send(exchange, 200, "text/html; charset=utf-8", SinksPage.render(mailItems(), smsItems(), smsMode()));
                case "GET /mail" -> sendJson(exchange, 200, mailItems());
                case "GET /sms" -> sendJson(exchange, 200, smsItems());
                case "POST /sms/inbound" -> injectInbound(exchange);
                case "POST /sms/mode" -> changeMode(exchange);
                default -> sendJson(exchange, 404, Map.of("error", "no such page: " + method + " " + path,
                        "pages", List.of("GET /", "GET /mail", "GET /sms", "POST /sms/inbound", "POST /sms/mode")));
            }
        } catch (RuntimeException e) {
            sendJson(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private List<MailItem> mailItems() {
        return mail == null ? List.of() : mail.newestFirst(LIST_LIMIT);
    }

    private List<SmsItem> smsItems() {
        return sms == null ? List.of() : sms.archive().newestFirst(LIST_LIMIT);
    }

    private String smsMode() {
        return sms == null ? "replaced by a real SMSC" : sms.mode();
    }

    private void injectInbound(HttpExchange exchange) throws IOException {
        if (sms == null) {
            sendJson(exchange, 409, Map.of("error", "the SMSC simulator is not running (SMPP_HOST points elsewhere)"));
            return;
        }
        Map<String, String> form = readForm(exchange);
        for (String field : List.of("from", "to", "text")) {
            if (form.getOrDefault(field, "").isBlank()) {
                sendJson(exchange, 400, Map.of("error", "field '" + field + "' is required", "field", field));
                return;
            }
        }
        try {
            SmsItem injected = sms.injectInbound(form.get("from"), form.get("to"), form.get("text"));
            if (!backToPage(exchange)) {
                sendJson(exchange, 202, injected);
            }
        } catch (IllegalStateException notBound) {
            sendJson(exchange, 409, Map.of("error", notBound.getMessage()));
        }
    }

    private void changeMode(HttpExchange exchange) throws IOException {
        if (sms == null) {
            sendJson(exchange, 409, Map.of("error", "the SMSC simulator is not running (SMPP_HOST points elsewhere)"));
            return;
        }
        Map<String, String> form = readForm(exchange);
        try {
            sms.apply(SmsSink.Mode.parse(form.get("mode"), form.get("status"), form.get("delayMs")));
            if (!backToPage(exchange)) {
                sendJson(exchange, 200, Map.of("mode", sms.mode()));
            }
        } catch (IllegalArgumentException bad) {
            sendJson(exchange, 400, Map.of("error", bad.getMessage(), "field", "mode"));
        }
    }

    /** A form posted from the HTML page goes back to the page (post/redirect/get); API callers get JSON. */
    private static boolean backToPage(HttpExchange exchange) throws IOException {
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (!accept.contains("text/html")) {
            return false;
        }
        exchange.getResponseHeaders().set("Location", "/");
        exchange.sendResponseHeaders(303, -1);
        return true;
    }

    static Map<String, String> readForm(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(64 * 1024);
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        Map<String, String> values = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            values.putAll(parseUrlEncoded(query));
        }
        if (text.startsWith("{")) {
            JsonNode node = JSON.readTree(text);
            node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        } else if (!text.isEmpty()) {
            values.putAll(parseUrlEncoded(text));
        }
        return values;
    }

    private static Map<String, String> parseUrlEncoded(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
