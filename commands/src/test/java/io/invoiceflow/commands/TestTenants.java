package io.invoiceflow.commands;

import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.CreateTenant;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;

import java.math.BigDecimal;
import java.util.List;

/** Test data shared by the write side's tests (and, through the test jar, the app's). */
public final class TestTenants {
    public static final CustomerNumber CUSTOMER = new CustomerNumber("10001");

    private TestTenants() {
    }

    public static TenantProfile norwegianProfile() {
        return new TenantProfile("Fjordkraft Regnskap AS", "923609016",
                new Address("Strandgata 1", "5013", "Bergen", "NO"), "NOK", "Europe/Oslo", "nb",
                new NumberSeries("INV-", 1001), new NumberSeries("CN-", 1), "faktura@fjordkraft.example");
    }

    public static CreateTenant createTenant(TenantId tenantId) {
        return new CreateTenant(tenantId, norwegianProfile());
    }

    public static RegisterCustomer registerCustomer(TenantId tenantId) {
        return new RegisterCustomer(tenantId, CUSTOMER, new CustomerDetails("Bryggen Bakeri AS", "974760673", "nb",
                "post@bryggen.example", new Address("Bryggen 2", "5003", "Bergen", "NO"),
                List.of(new Contact("Kari Nordmann", "kari@bryggen.example", null))));
    }

    public static InvoiceDraft draft() {
        return new InvoiceDraft(CUSTOMER, null, null, PaymentTerms.of(PaymentTerms.Kind.NET_14), "PO-77", null,
                null, null, List.of(
                new LineInput(null, "Consulting", new BigDecimal("3"), "hours", new BigDecimal("199.90"), null,
                        new BigDecimal("25"))));
    }
}
