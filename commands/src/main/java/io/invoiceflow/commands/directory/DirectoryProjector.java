package io.invoiceflow.commands.directory;

import io.invoiceflow.commands.forwarder.CloudEvents;
import io.invoiceflow.events.customer.CustomerChanged;
import io.invoiceflow.events.customer.CustomerRegistered;
import io.invoiceflow.events.distributionlist.DistributionEntryRemoved;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.frequency.FrequencyCreated;
import io.invoiceflow.events.frequency.FrequencyDeactivated;
import io.invoiceflow.events.frequency.FrequencyPatternChanged;
import io.invoiceflow.events.frequency.FrequencyReactivated;
import io.invoiceflow.events.frequency.FrequencyRenamed;
import io.invoiceflow.events.product.ProductAdded;
import io.invoiceflow.events.product.ProductChanged;
import io.invoiceflow.events.tenant.InvoicingActivated;
import io.invoiceflow.events.tenant.InvoicingDeactivated;
import io.invoiceflow.events.tenant.TenantCreated;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Instant;

/**
 * Keeps the {@link Directory} tables in step with the events. Runs in a subscribing processor, so
 * inside the transaction that appends the events; a failure here rolls the command back.
 */
public final class DirectoryProjector {
    private final Directory directory;

    public DirectoryProjector(Directory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(TenantCreated event) {
        directory.insertTenant(event.tenantId(), event.profile());
    }

    @EventHandler
    void on(InvoicingDeactivated event) {
        directory.setInvoicingActive(event.tenantId(), false);
    }

    @EventHandler
    void on(InvoicingActivated event) {
        directory.setInvoicingActive(event.tenantId(), true);
    }

    @EventHandler
    void on(CustomerRegistered event, @SequenceNumber long version) {
        directory.upsertCustomer(event.tenantId(), event.customerNumber(), version, event.details());
    }

    @EventHandler
    void on(CustomerChanged event, @SequenceNumber long version) {
        directory.upsertCustomer(event.tenantId(), event.customerNumber(), version, event.details());
    }

    @EventHandler
    void on(ProductAdded event, @SequenceNumber long version) {
        directory.upsertProduct(event.tenantId(), event.productCode(), version, event.details());
    }

    @EventHandler
    void on(ProductChanged event, @SequenceNumber long version) {
        directory.upsertProduct(event.tenantId(), event.productCode(), version, event.details());
    }

    @EventHandler
    void on(FrequencyCreated event, @SequenceNumber long version,
            @MetaDataValue(CloudEvents.META_ACTOR) String actor, @Timestamp Instant at) {
        directory.insertFrequency(event.tenantId(), event.frequencyId(), version, event.name(), event.automaticName(),
                event.definition(), actor, at);
    }

    @EventHandler
    void on(FrequencyRenamed event, @SequenceNumber long version,
            @MetaDataValue(CloudEvents.META_ACTOR) String actor, @Timestamp Instant at) {
        directory.renameFrequency(event.tenantId(), event.frequencyId(), version, event.name(), event.automaticName(),
                actor, at);
    }

    @EventHandler
    void on(FrequencyPatternChanged event, @SequenceNumber long version,
            @MetaDataValue(CloudEvents.META_ACTOR) String actor, @Timestamp Instant at) {
        directory.changeFrequencySchedule(event.tenantId(), event.frequencyId(), version, event.definition(),
                event.name(), actor, at);
    }

    @EventHandler
    void on(FrequencyDeactivated event, @SequenceNumber long version,
            @MetaDataValue(CloudEvents.META_ACTOR) String actor, @Timestamp Instant at) {
        directory.setFrequencyActive(event.tenantId(), event.frequencyId(), version, false, actor, at);
    }

    @EventHandler
    void on(FrequencyReactivated event, @SequenceNumber long version,
            @MetaDataValue(CloudEvents.META_ACTOR) String actor, @Timestamp Instant at) {
        directory.setFrequencyActive(event.tenantId(), event.frequencyId(), version, true, actor, at);
    }

    @EventHandler
    void on(DistributionEntrySet event, @SequenceNumber long version) {
        directory.upsertDistributionEntry(event.tenantId(), event.customerNumber(), version, event.email());
    }

    @EventHandler
    void on(DistributionEntryRemoved event) {
        directory.deleteDistributionEntry(event.tenantId(), event.customerNumber());
    }
}
