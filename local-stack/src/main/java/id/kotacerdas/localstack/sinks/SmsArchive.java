package id.kotacerdas.localstack.sinks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** SMS kept as JSON lines in one file, so they survive restarts. */
public final class SmsArchive {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;
    private final Set<String> ids = new HashSet<>();

    public SmsArchive(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.file = dir.resolve("sms.jsonl");
        readAll().forEach(item -> ids.add(item.id()));
    }

    /** Appends the item unless one with the same id is already kept; true when it was new. */
    public synchronized boolean store(SmsItem item) {
        if (!ids.add(item.id())) {
            return false;
        }
        try {
            Files.writeString(file, JSON.writeValueAsString(item) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            ids.remove(item.id());
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean contains(String id) {
        return ids.contains(id);
    }

    /** Newest first, at most {@code limit}. */
    public synchronized List<SmsItem> newestFirst(int limit) {
        List<SmsItem> all = readAll();
        Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    private List<SmsItem> readAll() {
        List<SmsItem> items = new ArrayList<>();
        if (!Files.exists(file)) {
            return items;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    try {
                        items.add(JSON.readValue(line, SmsItem.class));
                    } catch (IOException torn) {
                        // a line cut short by a crash: skip it, keep the rest
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }
}
