package io.invoiceflow.projections.history;

import java.time.Instant;

/** One event in the tenant-wide audit trail: the entry the audit search returns (its changes are in the aggregate's history). */
public record AuditEntry(String eventId, Instant time, Long position, String aggregateKind, String aggregateId,
                         long sequence, String event, String actor, String requestId) {
}
