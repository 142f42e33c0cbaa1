package io.invoiceflow.documents.pdf;

/**
 * A document could not be rendered. {@link #getMessage()} is the reason in plain words (safe to show to the
 * tenant: it names the template problem, never a file of the server).
 */
public class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public RenderException(String reason) {
        super(reason);
    }
}
