package nl.asylumchain.platform;

/** The request is valid but does not fit the state the case is in. Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
