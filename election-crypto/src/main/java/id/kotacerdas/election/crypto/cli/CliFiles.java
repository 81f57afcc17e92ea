package id.kotacerdas.election.crypto.cli;

import id.kotacerdas.election.crypto.record.RecordJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Small helpers shared by the command-line tools: options, JSON files and URLs. */
public final class CliFiles {

    private CliFiles() {
    }

    /** Parses {@code --name value} pairs and bare {@code --flag}s (value "true") after the sub-command. */
    public static Map<String, String> options(String[] args, int from, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    public static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Reads JSON from a file path or an http(s) URL. */
    public static <T> T readJson(String source, Class<T> type) {
        try {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(source)).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalArgumentException(source + " answered " + response.statusCode());
                }
                return RecordJson.MAPPER.readValue(response.body(), type);
            }
            return RecordJson.MAPPER.readValue(Files.readAllBytes(Path.of(source)), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(Object value) {
        return RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    public static void writeJson(Path file, Object value, boolean secret) {
        try {
            if (secret) {
                Files.deleteIfExists(file);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
            }
            Files.writeString(file, toJson(value) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
