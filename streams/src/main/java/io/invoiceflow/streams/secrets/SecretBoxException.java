package io.invoiceflow.streams.secrets;

/** A sealed secret could not be opened (other key, altered, unknown format). Never carries the secret. */
public class SecretBoxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretBoxException(String message) {
        super(message);
    }
}
