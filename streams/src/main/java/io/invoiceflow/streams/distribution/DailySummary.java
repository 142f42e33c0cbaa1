package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.tenant.TenantProfile;

import java.time.LocalDate;
import java.util.List;

/**
 * What a daily summary email lists (R4): the invoices sent automatically on {@code day}, those that
 * failed or bounced, and those still being tried; at most {@link #MAX_LINES} lines in all, the counts
 * always whole. {@code sequence} is 1 for the day's summary and counts on for an addendum (lines that
 * arrived after it went out).
 */
public record DailySummary(LocalDate day, int sequence, int sent, int failed, int bounced, int pending,
                           List<SummaryLine> lines) {
    public static final int MAX_LINES = 1000;

    public int total() {
        return sent + failed + bounced + pending;
    }

    /** A summary due for a tenant. */
    record Due(String tenantId, TenantProfile profile, DailySummary summary) {
    }
}
