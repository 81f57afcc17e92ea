package id.kotacerdas.voting.roll;

/** The file is not well-formed CSV at this line. */
class CsvFormatException extends RuntimeException {

    private final int line;

    CsvFormatException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
