package id.kotacerdas.election.crypto.group;

/** A point, scalar or hash in a ballot or record is malformed. */
public class InvalidEncodingException extends IllegalArgumentException {

    public InvalidEncodingException(String message) {
        super(message);
    }
}
