package io.invoiceflow.streams.distribution;

import java.time.Instant;
import java.util.List;

/**
 * A distribution the processor is taking care of: its request and where it stands. The document is the invoice
 * {@code invoiceId} or the order {@code orderId} (sent in {@code layout}; null: the tenant's order layout).
 * {@code dueAt} is when attempt {@code attempt} is to be handed to a worker; null once it was. {@code requestedAt}:
 * when this processor took the request, by its clock (null in a job stored before it was kept).
 */
record JobState(String distributionId, String tenantId, String invoiceId, String orderId, String layout, int attempt,
                List<String> to, List<String> cc, Instant dueAt, Instant requestedAt) {

    /** The same distribution at another attempt or due time. */
    JobState at(int nextAttempt, Instant due) {
        return new JobState(distributionId, tenantId, invoiceId, orderId, layout, nextAttempt, to, cc, due,
                requestedAt);
    }
}
