package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.distribution.RecordDistributionBounced;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;

import java.util.UUID;

/**
 * Where a worker records what became of an email, synchronously: the write side must tell it, before
 * it sends, whether the attempt may still be sent (an asynchronous command could not), see ADR 0009.
 * Implemented by the app with the write side.
 */
public interface DistributionRecorder {

    /**
     * Records that an attempt rendered its PDF and email.
     *
     * @return true when recorded now; false when this attempt was recorded before (the worker picked
     *         the job up again after a crash and may send it again, with the same Message-ID)
     * @throws io.invoiceflow.events.DomainException ILLEGAL_STATE when the distribution was sent or
     *         failed for good, or the attempt failed already: the worker must not send
     */
    boolean rendered(RecordDistributionRendered command);

    void sent(RecordDistributionSent command);

    void failed(RecordDistributionFailed command);

    /** A bounce; the distribution is found by its id alone (a bounce report knows no tenant). */
    void bounced(UUID distributionId, String recipient, String source, String status, String diagnostic);

    /** {@link #bounced} for a command that names its tenant. */
    default void bounced(RecordDistributionBounced command) {
        bounced(UUID.fromString(command.distributionId().value()), command.recipient(), command.source(),
                command.status(), command.diagnostic());
    }
}
