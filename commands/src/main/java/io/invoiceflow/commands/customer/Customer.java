package io.invoiceflow.commands.customer;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.shared.Addresses;
import io.invoiceflow.commands.shared.Drafting;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Languages;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.customer.ChangeCustomer;
import io.invoiceflow.events.customer.CustomerChanged;
import io.invoiceflow.events.customer.CustomerCommand;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.CustomerRegistered;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A customer of a tenant, with its contacts. Its number is unique in the tenant (the aggregate id holds it). */
public class Customer {
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;

    protected Customer() {
        // for Axon
    }

    @CommandHandler
    public Customer(RegisterCustomer command, Directory directory) {
        String country = directory.requireTenant(command.tenantId()).country();
        apply(new CustomerRegistered(command.tenantId(), command.customerNumber(), checked(command.details(), country)));
    }

    @CommandHandler
    void handle(ChangeCustomer command, Directory directory) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "customer " + command.customerNumber());
        Guards.ensureVersion(command.expectedVersion());
        String country = directory.requireTenant(tenantId).country();
        apply(new CustomerChanged(tenantId, command.customerNumber(), checked(command.details(), country)));
    }

    private static CustomerDetails checked(CustomerDetails d, String tenantCountry) {
        Violations v = new Violations();
        if (d == null) {
            v.add("$", "required", "a request body is required").throwIfAny();
        }
        v.text("name", d.name(), 200);
        String country = d.billingAddress() != null && d.billingAddress().country() != null
                ? d.billingAddress().country() : tenantCountry;
        Addresses.checkOrganisationNumber(v, "organisationNumber", d.organisationNumber(), country, false);
        Languages.check(v, "invoiceLanguage", d.invoiceLanguage(), false);
        v.optionalEmail("email", d.email());
        Addresses.check(v, "billingAddress", d.billingAddress(), false);
        Drafting.checkContacts(v, d.contacts());
        v.throwIfAny();
        return new CustomerDetails(d.name(), d.organisationNumber(), d.invoiceLanguage(), d.email(),
                d.billingAddress(), d.contacts() == null ? List.of() : List.copyOf(d.contacts()));
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        id = CustomerCommand.aggregateId(event.tenantId(), event.customerNumber());
        tenantId = event.tenantId();
    }
}
