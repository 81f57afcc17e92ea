package id.kotacerdas.localstack;

/** A failure the launcher explains to the user in one message and then stops with a non-zero exit. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
