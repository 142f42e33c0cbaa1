package io.invoiceflow.projections.history;

import java.time.Instant;
import java.util.List;

/**
 * One event in an aggregate's history, as auditors read it: what happened ({@code event}, the
 * CloudEvents {@code type}), when, who did it, in which request, and which fields it changed.
 */
public record HistoryEntry(String eventId, String aggregateKind, String aggregateId, long sequence, String event,
                           String type, Instant time, String actor, String requestId, List<Change> changes) {
}
