package id.kotacerdas.election.crypto.record;

import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the election record as a zip (format in README.md), streaming the board so any size fits. Sections must be
 * written in order: manifest, guardians, board entries, aggregates, decryptions, results. Closing finishes the zip
 * (and closes the stream).
 */
public final class ElectionRecordWriter implements AutoCloseable {

    public static final String FORMAT = "kotacerdas-election-record-v1";
    static final String[] SECTIONS = {"record.json", "manifest.json", "guardians.json", "board.jsonl",
            "aggregates.json", "decryptions.json", "results.json"};

    private final ZipOutputStream zip;
    private int next = 0;

    public ElectionRecordWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        open("record.json");
        json(Map.of("format", FORMAT, "group", Group.NAME));
    }

    public static void write(Path file, ElectionRecord record) {
        try (ElectionRecordWriter writer = new ElectionRecordWriter(Files.newOutputStream(file))) {
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(ElectionRecord record) {
        writeManifest(record.manifest(), record.manifestHash());
        writeGuardians(record.guardians(), record.electionKey());
        record.board().forEach(this::writeBoardEntry);
        writeAggregates(record.aggregates());
        writeDecryptions(record.decryptions());
        writeResults(record.results(), record.recap());
    }

    public void writeManifest(ElectionManifest manifest, String manifestHash) {
        open("manifest.json");
        json(new ManifestSection(manifest, manifestHash));
    }

    public void writeGuardians(List<GuardianPublicKey> guardians, String electionKey) {
        open("guardians.json");
        json(new GuardiansSection(guardians, electionKey));
    }

    public void writeBoardEntry(BoardEntry entry) {
        if (!SECTIONS[next - 1].equals("board.jsonl")) {
            open("board.jsonl");
        }
        try {
            zip.write(RecordJson.MAPPER.writeValueAsBytes(entry));
            zip.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeAggregates(List<AggregateCiphertext> aggregates) {
        open("aggregates.json");
        json(aggregates);
    }

    public void writeDecryptions(List<GuardianDecryption> decryptions) {
        open("decryptions.json");
        json(decryptions);
    }

    public void writeResults(List<AggregateResult> results, Recap recap) {
        open("results.json");
        json(new ResultsSection(results, recap));
    }

    private void open(String section) {
        int index = List.of(SECTIONS).indexOf(section);
        if (index < next) {
            throw new IllegalStateException("record section " + section + " written twice or out of order");
        }
        for (int skipped = next; skipped < index; skipped++) {
            if (!SECTIONS[skipped].equals("board.jsonl")) {
                throw new IllegalStateException(SECTIONS[skipped] + " must be written before " + section);
            }
            putEntry(SECTIONS[skipped]);
        }
        putEntry(section);
        next = index + 1;
    }

    private void putEntry(String name) {
        try {
            zip.putNextEntry(new ZipEntry(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void json(Object value) {
        try {
            zip.write(RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ManifestSection(ElectionManifest manifest, String manifestHash) {
    }

    record GuardiansSection(List<GuardianPublicKey> guardians, String electionKey) {
    }

    record ResultsSection(List<AggregateResult> results, Recap recap) {
    }
}
