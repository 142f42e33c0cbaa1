package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.RecordDistributionBounced;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One distribution of a document by email (an invoice, or an order's confirmation), event-sourced:
 * requested, then attempts (rendered, then sent or failed), and bounces. The rules make the sending process safe to repeat: an attempt may
 * render only while the distribution is neither sent nor failed for good, so a worker that picks up
 * a stale or repeated job learns here that it must not send; recording the same outcome twice
 * changes nothing.
 */
public class Distribution {
    /** States of a distribution. */
    enum Status { REQUESTED, RENDERED, SENT, FAILED, BOUNCED }

    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private InvoiceId invoiceId;
    private OrderId orderId;
    private Status status;
    private int lastRenderedAttempt;
    private int lastFailedAttempt;
    private final Set<String> bounces = new HashSet<>();

    protected Distribution() {
        // for Axon
    }

    /** Created by {@link DistributionCommandHandlers}, which checks the document and the tenant first. */
    Distribution(RequestDistribution command) {
        apply(new DistributionRequested(command.distributionId(), command.tenantId(), command.invoiceId(),
                command.orderId(), command.trigger(), List.copyOf(command.to()), List.copyOf(command.cc()),
                command.layout()));
    }

    @CommandHandler
    boolean handle(RecordDistributionRendered command) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "distribution " + id);
        if (status == Status.SENT || status == Status.BOUNCED || status == Status.FAILED) {
            throw DomainException.illegalState("distribution " + id + " is " + status
                    + "; attempt " + command.attempt() + " must not send");
        }
        if (command.attempt() <= lastFailedAttempt) {
            throw DomainException.illegalState("attempt " + command.attempt() + " of distribution " + id
                    + " failed already; only a later attempt may send");
        }
        Violations v = new Violations();
        if (command.attempt() < 1) {
            v.add("attempt", "min", "attempt counts from 1");
        }
        v.required("pdfSha256", command.pdfSha256());
        v.required("messageId", command.messageId());
        v.throwIfAny();
        if (command.attempt() <= lastRenderedAttempt) {
            return false; // the same attempt again (a worker repeated it after a crash): nothing new
        }
        apply(new DistributionRendered(command.distributionId(), tenantId, invoiceId, orderId, command.attempt(),
                command.channel(), List.copyOf(command.to()), List.copyOf(command.cc()), command.sender(),
                command.language(), command.emailTemplate(), command.layout(), command.pdfSha256(),
                command.pdfBytes(), command.messageId()));
        return true;
    }

    @CommandHandler
    void handle(RecordDistributionSent command) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "distribution " + id);
        if (status == Status.SENT || status == Status.BOUNCED) {
            return; // recorded already
        }
        apply(new DistributionSent(command.distributionId(), tenantId, invoiceId, orderId, command.attempt(),
                command.messageId(), command.serverReply(), List.copyOf(command.rejected())));
    }

    @CommandHandler
    void handle(RecordDistributionFailed command) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "distribution " + id);
        if (status == Status.SENT || status == Status.BOUNCED || command.attempt() <= lastFailedAttempt) {
            return; // sent after all, or this failure is recorded already
        }
        apply(new DistributionFailed(command.distributionId(), tenantId, invoiceId, orderId, command.attempt(),
                command.errorCode(), command.errorMessage(), command.permanent(),
                command.permanent() ? null : command.retryAt()));
    }

    @CommandHandler
    void handle(RecordDistributionBounced command) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "distribution " + id);
        String key = command.source() + "/" + command.recipient().toLowerCase(Locale.ROOT);
        if (bounces.contains(key)) {
            return; // the same bounce reported again (e.g. the DSN was read twice)
        }
        apply(new DistributionBounced(command.distributionId(), tenantId, invoiceId, orderId, command.recipient(),
                command.source(), command.status(), command.diagnostic()));
    }

    @EventSourcingHandler
    void on(DistributionRequested event) {
        id = event.distributionId().value();
        tenantId = event.tenantId();
        invoiceId = event.invoiceId();
        orderId = event.orderId();
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(DistributionRendered event) {
        status = Status.RENDERED;
        lastRenderedAttempt = event.attempt();
    }

    @EventSourcingHandler
    void on(DistributionSent event) {
        status = Status.SENT;
    }

    @EventSourcingHandler
    void on(DistributionFailed event) {
        lastFailedAttempt = event.attempt();
        status = event.permanent() ? Status.FAILED : Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(DistributionBounced event) {
        bounces.add(event.source() + "/" + event.recipient().toLowerCase(Locale.ROOT));
        status = Status.BOUNCED;
    }
}
