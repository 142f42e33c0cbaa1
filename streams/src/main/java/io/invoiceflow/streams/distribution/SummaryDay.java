package io.invoiceflow.streams.distribution;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A tenant's day of automatic sending, as far as its summary is concerned: how many lines wait for
 * the summary, how many of them are still being sent, when one last changed, and how many summaries
 * went out for the day already.
 */
record SummaryDay(String tenantId, LocalDate day, int lines, int pending, Instant lastChange, int summaries) {
}
