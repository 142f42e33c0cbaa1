package io.invoiceflow.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample tenant, customer and invoice (copied from the commands module's TestTenants, with a
 * five-line draft mixing the Norwegian VAT rates 25, 15, 12 and 0 %). The HTTP bodies are the same
 * records written as JSON, so (a) and (b) carry identical content.
 */
final class SampleData {
    static final CustomerNumber CUSTOMER = new CustomerNumber("10001");
    private static final ObjectMapper JSON = EventJson.mapper().copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private SampleData() {
    }

    static TenantProfile tenantProfile(int i) {
        return new TenantProfile("Fjordkraft Regnskap AS " + i, "923609016",
                new Address("Strandgata 1", "5013", "Bergen", "NO"), "NOK", "Europe/Oslo", "nb",
                new NumberSeries("INV-", 1001), new NumberSeries("CN-", 1), "faktura@fjordkraft.example");
    }

    static CustomerDetails customerDetails() {
        return new CustomerDetails("Bryggen Bakeri AS", "974760673", "nb", "post@bryggen.example",
                new Address("Bryggen 2", "5003", "Bergen", "NO"),
                List.of(new Contact("Kari Nordmann", "kari@bryggen.example", null)));
    }

    static final InvoiceDraft DRAFT = new InvoiceDraft(CUSTOMER, null, null, PaymentTerms.of(PaymentTerms.Kind.NET_14),
            "PO-77", "Thank you for your business.", null, null, List.of(
            new LineInput(null, "Consulting, senior", new BigDecimal("7.5"), "hours", new BigDecimal("1250.00"), null,
                    new BigDecimal("25")),
            new LineInput(null, "Catering, lunch", new BigDecimal("12"), "pcs", new BigDecimal("189.50"),
                    new Discount(Discount.Type.PERCENT, new BigDecimal("10")), new BigDecimal("15")),
            new LineInput(null, "Hotel night", new BigDecimal("2"), "nights", new BigDecimal("1490.00"), null,
                    new BigDecimal("12")),
            new LineInput(null, "Course book", new BigDecimal("3"), "pcs", new BigDecimal("349.00"), null,
                    new BigDecimal("0")),
            new LineInput(null, "Travel", new BigDecimal("1"), "trip", new BigDecimal("2750.00"),
                    new Discount(Discount.Type.AMOUNT, new BigDecimal("250.00")), new BigDecimal("25"))));

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tenantJson(int i) {
        return json(tenantProfile(i));
    }

    static String customerJson() {
        CustomerDetails d = customerDetails();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerNumber", CUSTOMER.value());
        body.put("name", d.name());
        body.put("organisationNumber", d.organisationNumber());
        body.put("invoiceLanguage", d.invoiceLanguage());
        body.put("email", d.email());
        body.put("billingAddress", d.billingAddress());
        body.put("contacts", d.contacts());
        return json(body);
    }

    static final String DRAFT_JSON = json(DRAFT);

    static String userJson(int i) {
        return json(Map.of("name", "Bench Accountant " + i, "email", "bench" + i + "@fjordkraft.example",
                "roles", List.of("ACCOUNTANT")));
    }
}
