package io.invoiceflow.projections.history;

import java.time.Instant;
import java.util.List;

/**
 * One event in an aggregate's history, as auditors read it: what happened ({@code event}, the
 * CloudEvents {@code type}), when, who did it, in which request, and which fields it changed.
 * {@code position} is the event's place in the event store's global order (null if unknown).
 */
public record HistoryEntry(String eventId, String aggregateKind, String aggregateId, long sequence, String event,
                           String type, Instant time, Long position, String actor, String requestId,
                           List<Change> changes) {
}
