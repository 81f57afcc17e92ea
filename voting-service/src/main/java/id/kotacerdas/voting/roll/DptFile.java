package id.kotacerdas.voting.roll;

import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.Village;
import id.kotacerdas.voting.privacy.VoterDataProtection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a voter-roll CSV one line at a time and checks each line against the election: columns
 * {@code nik, name, birth_date, sex, village, tps[, phone]} (Indonesian headers such as {@code nama},
 * {@code tanggal_lahir}, {@code jenis_kelamin}, {@code desa}, {@code telepon} work too), comma or semicolon.
 */
final class DptFile {

    private static final Map<String, String> HEADER_ALIASES = Map.ofEntries(
            Map.entry("nik", "nik"), Map.entry("name", "name"), Map.entry("nama", "name"),
            Map.entry("birth_date", "birth_date"), Map.entry("birthdate", "birth_date"),
            Map.entry("tanggal_lahir", "birth_date"), Map.entry("tgl_lahir", "birth_date"),
            Map.entry("sex", "sex"), Map.entry("jenis_kelamin", "sex"), Map.entry("jk", "sex"),
            Map.entry("village", "village"), Map.entry("desa", "village"), Map.entry("tps", "tps"),
            Map.entry("phone", "phone"), Map.entry("telepon", "phone"), Map.entry("hp", "phone"),
            Map.entry("no_hp", "phone"));
    private static final List<String> REQUIRED = List.of("nik", "name", "birth_date", "sex", "village", "tps");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    private final Election election;
    private final VoterDataProtection protection;

    DptFile(Election election, VoterDataProtection protection) {
        this.election = election;
        this.protection = protection;
    }

    /** Calls {@code onLine} for each data line with either the voter or the line's problems. */
    void read(InputStream csv, Consumer<ParsedLine> onLine) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(4096);
        String firstLine = reader.readLine();
        if (firstLine == null) {
            throw new InvalidInputException("file", "is empty: a header line and voters are expected");
        }
        reader.reset();
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CsvReader records = new CsvReader(reader, separator);
        Map<String, Integer> columns = columns(records.next());
        List<String> record;
        while ((record = records.next()) != null) {
            int line = records.recordLine();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            onLine.accept(check(line, record, columns));
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(' ', '_');
            String canonical = HEADER_ALIASES.get(name);
            if (canonical != null) {
                columns.putIfAbsent(canonical, i);
            }
        }
        List<FieldProblem> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c))
                .map(c -> new FieldProblem("header", "column " + c + " is missing")).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return columns;
    }

    private ParsedLine check(int line, List<String> record, Map<String, Integer> columns) {
        List<FieldProblem> problems = new ArrayList<>();
        String at = "line " + line + ": ";
        String nik = value(record, columns, "nik");
        String name = value(record, columns, "name");
        String villageCode = value(record, columns, "village");
        String tpsId = value(record, columns, "tps");
        String phoneText = value(record, columns, "phone");

        Optional<LocalDate> birthDate = date(value(record, columns, "birth_date"));
        if (birthDate.isEmpty()) {
            problems.add(new FieldProblem(at + "birth_date", "must be a date as YYYY-MM-DD or DD-MM-YYYY"));
        }
        Optional<Sex> sex = Sex.parse(value(record, columns, "sex"));
        if (sex.isEmpty()) {
            problems.add(new FieldProblem(at + "sex", "must be L or P"));
        }
        NikCheck.problem(nik, birthDate.orElse(null), sex.orElse(null))
                .ifPresent(reason -> problems.add(new FieldProblem(at + "nik", reason)));
        if (name.isBlank() || name.length() > 200) {
            problems.add(new FieldProblem(at + "name", "is required (at most 200 characters)"));
        }
        Optional<Village> village = election.findVillage(villageCode);
        if (village.isEmpty()) {
            problems.add(new FieldProblem(at + "village", "is not a village of this election"));
        } else if (village.get().tps(tpsId).isEmpty()) {
            problems.add(new FieldProblem(at + "tps", "is not a TPS of village " + villageCode));
        }
        String phone = null;
        if (!phoneText.isBlank()) {
            phone = normalisePhone(phoneText);
            if (phone == null) {
                problems.add(new FieldProblem(at + "phone", "must be an Indonesian mobile number such as 0812..."));
            }
        }
        if (!problems.isEmpty()) {
            return new ParsedLine(line, null, problems);
        }
        return new ParsedLine(line, new VoterLine(line, protection.nikHash(nik), name.strip(), sex.get(), villageCode,
                tpsId, phone), List.of());
    }

    private static String value(List<String> record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next accepted form
            }
        }
        return Optional.empty();
    }

    /** {@code 0812-3456-789}, {@code 62812...}, {@code +62 812...} → {@code +62812...}; null when not a number. */
    static String normalisePhone(String text) {
        String digits = text.replaceAll("[\\s.()-]", "");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            return null;
        }
        return digits.matches("8[0-9]{7,12}") ? "+62" + digits : null;
    }

    record ParsedLine(int line, VoterLine voter, List<FieldProblem> problems) {
    }
}
