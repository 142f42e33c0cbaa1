package io.invoiceflow.app.reads;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.web.api.RawJson;
import io.invoiceflow.web.api.ReadModel;
import io.invoiceflow.web.api.Versioned;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The read model the HTTP API is given before the read side runs: the projections start after the
 * API listens, because other instances must reach this one at its port. Until {@link #started}
 * every query is answered 503.
 */
public final class StartingReadModel implements ReadModel {
    private volatile ReadModel target;

    public void started(ReadModel readModel) {
        this.target = readModel;
    }

    private ReadModel target() {
        ReadModel t = target;
        if (t == null) {
            throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE, "the read side is starting; retry in a moment");
        }
        return t;
    }

    @Override
    public Location locate(TenantId tenant) {
        ReadModel t = target;
        return t == null ? new Unavailable("the read side is starting") : t.locate(tenant);
    }

    @Override
    public Optional<Versioned<Object>> view(TenantId tenant, String kind, String id) {
        return target().view(tenant, kind, id);
    }

    @Override
    public Optional<RawJson> history(TenantId tenant, String kind, String aggregateId) {
        return target().history(tenant, kind, aggregateId);
    }

    @Override
    public Optional<RawJson> distributionLog(TenantId tenant, String invoiceId) {
        return target().distributionLog(tenant, invoiceId);
    }

    @Override
    public Optional<RawJson> orderDistributionLog(TenantId tenant, String orderId) {
        return target().orderDistributionLog(tenant, orderId);
    }

    @Override
    public RawJson attention(TenantId tenant) {
        return target().attention(tenant);
    }

    @Override
    public RawJson invoiceList(TenantId tenant, String filter, String sort, String limit, String cursor) {
        return target().invoiceList(tenant, filter, sort, limit, cursor);
    }

    @Override
    public void invoiceCsv(TenantId tenant, String filter, String sort, String separator, OutputStream out)
            throws IOException {
        target().invoiceCsv(tenant, filter, sort, separator, out);
    }

    @Override
    public RawJson dashboard(TenantId tenant, String from, String to, String granularity, String top) {
        return target().dashboard(tenant, from, to, granularity, top);
    }

    @Override
    public Optional<Versioned<Object>> recurring(TenantId tenant, String recurringId, String next) {
        return target().recurring(tenant, recurringId, next);
    }

    @Override
    public RawJson recurringList(TenantId tenant, String status, String kind, String limit, String cursor) {
        return target().recurringList(tenant, status, kind, limit, cursor);
    }

    @Override
    public Optional<RawJson> recurringInvoices(TenantId tenant, String recurringId, String limit, String cursor) {
        return target().recurringInvoices(tenant, recurringId, limit, cursor);
    }

    @Override
    public RawJson audit(TenantId tenant, AuditQuery query) {
        return target().audit(tenant, query);
    }

    @Override
    public boolean awaitVersion(TenantId tenant, String aggregateId, long version, Duration timeout)
            throws InterruptedException {
        return target().awaitVersion(tenant, aggregateId, version, timeout);
    }

    @Override
    public Optional<Position> position(TenantId tenant) {
        ReadModel t = target;
        return t == null ? Optional.empty() : t.position(tenant);
    }
}
