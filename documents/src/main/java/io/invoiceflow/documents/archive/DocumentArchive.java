package io.invoiceflow.documents.archive;

import java.util.Optional;

/**
 * A content-addressed store of rendered documents (the PDF as sent): a document is stored under the hex SHA-256 of
 * its bytes, which the distribution records in its events. Storing the same bytes twice is a no-op.
 */
public interface DocumentArchive {

    /**
     * Stores the bytes (idempotent).
     *
     * @return the lower-case hex SHA-256 of the bytes, the key to {@link #read}
     */
    String store(byte[] document);

    /**
     * The stored bytes, verified against their hash.
     *
     * @param sha256 64 lower-case hex characters
     * @return empty when nothing is stored under this hash
     * @throws IllegalArgumentException when {@code sha256} is not 64 hex characters
     * @throws CorruptDocumentException when the stored bytes no longer match their hash
     */
    Optional<byte[]> read(String sha256);

    /** Whether a document is stored under this hash. */
    boolean contains(String sha256);

    /** Stored bytes that do not match their hash (a damaged disk or a changed file). */
    final class CorruptDocumentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CorruptDocumentException(String message) {
            super(message);
        }
    }
}
