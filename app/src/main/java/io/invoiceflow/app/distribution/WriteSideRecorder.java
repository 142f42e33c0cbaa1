package io.invoiceflow.app.distribution;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.RecordDistributionBounced;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;
import io.invoiceflow.streams.distribution.DistributionRecorder;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.UUID;

/** The workers' recorder: commands straight to the write side in this process (ADR 0009). */
public final class WriteSideRecorder implements DistributionRecorder {
    static final String WORKER = "system:distribution";
    static final String BOUNCES = "system:bounces";

    private final WriteSide writeSide;

    public WriteSideRecorder(WriteSide writeSide) {
        this.writeSide = writeSide;
    }

    @Override
    public boolean rendered(RecordDistributionRendered command) {
        Boolean recordedNow = writeSide.send(command, context(WORKER, command.distributionId(), command.tenantId().value()));
        return recordedNow != null && recordedNow;
    }

    @Override
    public void sent(RecordDistributionSent command) {
        writeSide.send(command, context(WORKER, command.distributionId(), command.tenantId().value()));
    }

    @Override
    public void failed(RecordDistributionFailed command) {
        writeSide.send(command, context(WORKER, command.distributionId(), command.tenantId().value()));
    }

    @Override
    public void bounced(UUID distributionId, String recipient, String source, String status, String diagnostic) {
        DistributionId id = new DistributionId(distributionId.toString());
        List<? extends DomainEventMessage<?>> events = writeSide.events(id.value());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof DistributionRequested requested)) {
            throw DomainException.notFound("distribution " + id);
        }
        writeSide.send(new RecordDistributionBounced(id, requested.tenantId(), recipient, source, status, diagnostic),
                context("SMTP".equals(source) ? WORKER : BOUNCES, id, requested.tenantId().value()));
    }

    private static CommandContext context(String actor, DistributionId id, String tenant) {
        return new CommandContext(actor, "distribution/" + id.value(), tenant);
    }
}
