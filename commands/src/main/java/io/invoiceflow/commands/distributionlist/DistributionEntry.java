package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distributionlist.DistributionEntryRemoved;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.distributionlist.DistributionListCommand;
import io.invoiceflow.events.distributionlist.RemoveDistributionEntry;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One entry of a tenant's distribution list (P1-P3): the email address invoices to a customer number go
 * to. Each entry is its own small aggregate, so a list of any length is never loaded as a whole. The
 * customer number need not belong to a registered customer (ADR 0180). The list is settings: the S1
 * invoicing switch does not apply. A removed entry keeps its aggregate (and history) and can be set again.
 */
public class DistributionEntry {
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private CustomerNumber customerNumber;
    /** The address in force; null before the first set and after a removal. */
    private String email;

    protected DistributionEntry() {
        // for Axon
    }

    /** Adds the entry or changes its address; the same address again records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SetDistributionEntry.Outcome handle(SetDistributionEntry command, Directory directory) {
        if (tenantId == null) {
            directory.requireTenant(command.tenantId());
        } else {
            ensureOwnedBy(command.tenantId());
        }
        ensureExpectedVersion(command.expectedVersion());
        String address = checkedEmail(command.email());
        if (address.equals(email)) {
            return SetDistributionEntry.Outcome.UNCHANGED;
        }
        SetDistributionEntry.Outcome outcome = email == null
                ? SetDistributionEntry.Outcome.ADDED : SetDistributionEntry.Outcome.CHANGED;
        apply(new DistributionEntrySet(command.tenantId(), command.customerNumber(), address));
        return outcome;
    }

    @CommandHandler
    void handle(RemoveDistributionEntry command) {
        ensureOwnedBy(command.tenantId());
        ensureExists();
        Guards.ensureVersion(command.expectedVersion());
        apply(new DistributionEntryRemoved(tenantId, customerNumber));
    }

    /** The address rule customers' email addresses follow; a violation names {@code field}. */
    public static void checkEmail(Violations v, String field, String email) {
        v.email(field, email);
    }

    private static String checkedEmail(String email) {
        Violations v = new Violations();
        checkEmail(v, "email", email);
        v.throwIfAny();
        return email;
    }

    private void ensureOwnedBy(TenantId asked) {
        Guards.ensureSameTenant(tenantId, asked, "distribution list entry " + customerNumber);
    }

    private void ensureExists() {
        if (email == null) {
            throw DomainException.notFound("distribution list entry " + customerNumber);
        }
    }

    /** If-Match names a version of an entry that exists; an entry that does not exist has none. */
    private void ensureExpectedVersion(Long expectedVersion) {
        if (expectedVersion != null && email == null) {
            throw new DomainException(ErrorCode.STALE_VERSION, "the distribution list entry does not exist"
                    + " (any more); leave If-Match out to add it");
        }
        Guards.ensureVersion(expectedVersion);
    }

    @EventSourcingHandler
    void on(DistributionEntrySet event) {
        id = DistributionListCommand.aggregateId(event.tenantId(), event.customerNumber());
        tenantId = event.tenantId();
        customerNumber = event.customerNumber();
        email = event.email();
    }

    @EventSourcingHandler
    void on(DistributionEntryRemoved event) {
        email = null;
    }
}
