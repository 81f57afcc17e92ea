package id.kotacerdas.election.crypto.record;

import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import tools.jackson.core.type.TypeReference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads an election record zip. Small sections are parsed on demand; the board streams entry by entry
 * ({@link #board()}), so a large record never has to fit in memory. Parse errors surface as
 * {@link RecordFormatException}.
 */
public final class ElectionRecordReader implements AutoCloseable {

    private final ZipFile zip;

    public ElectionRecordReader(Path file) {
        try {
            this.zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordFormatException("not a readable zip: " + e.getMessage());
        }
    }

    public static ElectionRecord readAll(Path file) {
        try (ElectionRecordReader reader = new ElectionRecordReader(file)) {
            List<BoardEntry> board = new ArrayList<>();
            reader.board().forEachRemaining(board::add);
            ElectionRecordWriter.ManifestSection manifest = reader.manifestSection();
            ElectionRecordWriter.GuardiansSection guardians = reader.guardiansSection();
            ElectionRecordWriter.ResultsSection results = reader.resultsSection();
            return new ElectionRecord(manifest.manifest(), manifest.manifestHash(), guardians.guardians(),
                    guardians.electionKey(), board, reader.aggregates(), reader.decryptions(), results.results(),
                    results.recap());
        }
    }

    public String format() {
        Map<String, String> header = read("record.json", new TypeReference<>() {
        });
        return header.get("format");
    }

    public ElectionManifest manifest() {
        return manifestSection().manifest();
    }

    public String manifestHash() {
        return manifestSection().manifestHash();
    }

    public List<GuardianPublicKey> guardians() {
        return guardiansSection().guardians();
    }

    public String electionKey() {
        return guardiansSection().electionKey();
    }

    public List<AggregateCiphertext> aggregates() {
        return read("aggregates.json", new TypeReference<>() {
        });
    }

    public List<GuardianDecryption> decryptions() {
        return read("decryptions.json", new TypeReference<>() {
        });
    }

    public List<AggregateResult> results() {
        return resultsSection().results();
    }

    public Recap recap() {
        return resultsSection().recap();
    }

    /** The board entries in file order; each call reads the section again. */
    public Iterator<BoardEntry> board() {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream("board.jsonl"),
                StandardCharsets.UTF_8), 1 << 16);
        return new Iterator<>() {
            private String line = nextLine();
            private long number = 1;

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public BoardEntry next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                try {
                    return RecordJson.MAPPER.readValue(line, BoardEntry.class);
                } catch (RuntimeException e) {
                    throw new RecordFormatException("board.jsonl line " + number + ": " + e.getMessage());
                } finally {
                    number++;
                    line = nextLine();
                }
            }

            private String nextLine() {
                try {
                    String next = lines.readLine();
                    if (next == null) {
                        lines.close();
                    }
                    return next;
                } catch (IOException e) {
                    throw new RecordFormatException("board.jsonl: " + e.getMessage());
                }
            }
        };
    }

    ElectionRecordWriter.ManifestSection manifestSection() {
        return read("manifest.json", new TypeReference<>() {
        });
    }

    ElectionRecordWriter.GuardiansSection guardiansSection() {
        return read("guardians.json", new TypeReference<>() {
        });
    }

    ElectionRecordWriter.ResultsSection resultsSection() {
        return read("results.json", new TypeReference<>() {
        });
    }

    private <T> T read(String section, TypeReference<T> type) {
        try (InputStream in = stream(section)) {
            return RecordJson.MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new RecordFormatException(section + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof RecordFormatException known) {
                throw known;
            }
            throw new RecordFormatException(section + ": " + e.getMessage());
        }
    }

    private InputStream stream(String section) {
        ZipEntry entry = zip.getEntry(section);
        if (entry == null) {
            throw new RecordFormatException("the record has no " + section);
        }
        try {
            return zip.getInputStream(entry);
        } catch (IOException e) {
            throw new RecordFormatException(section + ": " + e.getMessage());
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
}
