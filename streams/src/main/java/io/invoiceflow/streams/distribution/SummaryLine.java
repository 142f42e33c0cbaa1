package io.invoiceflow.streams.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice the system sent on its own (a recurring occurrence) on {@code day}, for that day's
 * summary to the tenant (R4): what it was and how its sending went.
 *
 * @param status {@code PENDING} (being sent or retried), {@code SENT}, {@code FAILED} (given up) or
 *               {@code BOUNCED} (accepted, then reported undeliverable)
 * @param detail the error code and text of a failure or bounce; null otherwise
 */
public record SummaryLine(String tenantId, LocalDate day, String distributionId, String invoiceId, String number,
                          String customerName, BigDecimal grossAmount, String currency, List<String> recipients,
                          String status, String detail) {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String BOUNCED = "BOUNCED";

    SummaryLine with(String nextStatus, List<String> nextRecipients, String nextDetail) {
        return new SummaryLine(tenantId, day, distributionId, invoiceId, number, customerName, grossAmount, currency,
                nextRecipients, nextStatus, nextDetail);
    }
}
