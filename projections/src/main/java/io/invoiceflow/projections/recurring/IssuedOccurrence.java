package io.invoiceflow.projections.recurring;

import java.time.Instant;
import java.time.LocalDate;

/** One invoice a recurring schedule produced (from {@code OccurrenceIssued}). */
public record IssuedOccurrence(LocalDate occurrenceDate, String customerNumber, String invoiceId, String invoiceNumber,
                               Instant issuedAt) {
}
