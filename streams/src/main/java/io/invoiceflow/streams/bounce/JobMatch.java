package io.invoiceflow.streams.bounce;

import java.util.UUID;

/** The distribution job a report belongs to, and which key proved it. */
public record JobMatch(UUID jobId, CorrelatedBy by) {
}
