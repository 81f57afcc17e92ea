package id.kotacerdas.voting.roll;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, quoted fields may hold separators, quotes ("")
 * and line breaks. Broken quoting is an error naming the line, never a silently shifted column.
 */
final class CsvReader {

    private final Reader in;
    private final char separator;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;

    CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The physical line on which the last record returned by {@link #next()} started. */
    int recordLine() {
        return recordLine;
    }

    /** @return the next record's fields, or null at the end */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') {
            consumeLineBreak(c);
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(recordLine, "a quoted field is not closed");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c != -1) {
                    consumeLineBreak(c);
                }
                return fields;
            }
            if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
                c = read();
                continue;
            }
            if (afterQuote) {
                throw new CsvFormatException(line, "text after a closing quote");
            }
            if (c == '"') {
                if (!fieldStart) {
                    throw new CsvFormatException(line, "a quote inside an unquoted field");
                }
                quoted = true;
            } else {
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    private void consumeLineBreak(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                pushedBack = next;
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
