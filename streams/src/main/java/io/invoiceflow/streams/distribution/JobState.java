package io.invoiceflow.streams.distribution;

import java.time.Instant;
import java.util.List;

/**
 * A distribution the processor is taking care of: its request and where it stands. {@code dueAt}
 * is when attempt {@code attempt} is to be handed to a worker; null once it was.
 */
record JobState(String distributionId, String tenantId, String invoiceId, int attempt, List<String> to,
                List<String> cc, Instant dueAt) {
}
