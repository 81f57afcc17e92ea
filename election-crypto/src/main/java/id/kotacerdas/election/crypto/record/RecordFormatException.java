package id.kotacerdas.election.crypto.record;

/** The record file is not a well-formed election record (missing section, bad JSON, damaged zip). */
public class RecordFormatException extends RuntimeException {

    public RecordFormatException(String message) {
        super(message);
    }
}
