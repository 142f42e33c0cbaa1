package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;

import java.util.List;

/**
 * One email for a distribution worker to render and send: everything it needs, decided by the
 * distribution processor, so the worker keeps no state. {@code kind} {@code INVOICE}: attempt
 * {@code attempt} of distribution {@code distributionId}; {@code UNDELIVERED_NOTICE}: the one message to
 * the tenant's notification address that {@code distributionId} bounced ({@code notice} says how), about the
 * invoice or, when {@code order} is set, the order. {@code ORDER}: attempt {@code attempt} of the distribution of
 * {@code order}'s confirmation, in {@code layout} (null: the tenant's order layout).
 */
public record DistributionJob(
        String kind,
        String jobId,
        String distributionId,
        String tenantId,
        String invoiceId,
        int attempt,
        List<String> to,
        List<String> cc,
        String language,
        TenantProfile supplier,
        InvoiceView invoice,
        Long numberSequence,
        String notice,
        DailySummary summary,
        OrderView order,
        String layout) {

    public static final String INVOICE = "INVOICE";
    public static final String ORDER = "ORDER";
    public static final String UNDELIVERED_NOTICE = "UNDELIVERED_NOTICE";
    public static final String DAILY_SUMMARY = "DAILY_SUMMARY";
}
