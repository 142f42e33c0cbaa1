package io.invoiceflow.commands.tenant;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.customer.ChangeCustomer;
import io.invoiceflow.events.invoice.ChangeInvoiceDraft;
import io.invoiceflow.events.invoice.CloneInvoice;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.CreditInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.order.ChangeOrder;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.product.ChangeProduct;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CONSULTING;
import static io.invoiceflow.commands.shared.NorwegianSamples.catalogue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants cannot see or touch each other's data: every command that names another tenant's
 * resource with the caller's own tenant id is answered NOT_FOUND, as if the id did not exist.
 */
class TenantIsolationIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();
    private TenantId victim;
    private TenantId intruder;
    private WriteSideSupport.Documents victims;

    @BeforeEach
    void setUp() {
        victim = w.seedTenant();
        intruder = w.seedTenant();
        victims = w.createDocuments(victim, new OrderDraft(BAKERY, null, null, null, null,
                List.of(catalogue(CONSULTING, "1"))));
    }

    @Test
    void shouldAnswerNotFound_whenAnotherTenantAddressesAnyOfItsResources() {
        // given the victim's draft, final invoice, order, customer and product
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("change invoice", new ChangeInvoiceDraft(victims.draft(), intruder, TestTenants.draft(), null));
        commands.put("delete invoice", new DeleteInvoiceDraft(victims.draft(), intruder, null));
        commands.put("finalize invoice", new FinalizeInvoice(victims.draft(), intruder, null));
        commands.put("pay invoice", new MarkInvoicePaid(victims.finalInvoice(), intruder, null));
        commands.put("void invoice", new VoidInvoice(victims.finalInvoice(), intruder, null));
        commands.put("credit invoice", new CreditInvoice(victims.finalInvoice(), intruder, CreditNoteId.random(), null,
                null));
        commands.put("clone invoice", new CloneInvoice(victims.finalInvoice(), intruder, InvoiceId.random()));
        commands.put("change order", new ChangeOrder(victims.order(), intruder, new OrderDraft(BAKERY, null, null, null,
                null, List.of()), null));
        commands.put("invoice order", new InvoiceOrder(victims.order(), intruder, InvoiceId.random(), null));

        // when the intruder sends each with its own tenant id / then
        commands.forEach((name, command) ->
                assertThat(w.refused(intruder, command).code()).as(name).isEqualTo(ErrorCode.NOT_FOUND));
        // and nothing of the victim's changed
        assertThat(w.payloads(victims.draft().value())).hasSize(1);
        assertThat(w.payloads(victims.finalInvoice().value())).hasSize(2);
        assertThat(w.payloads(victims.order().value())).hasSize(1);
    }

    @Test
    void shouldAnswerNotFound_whenAnotherTenantChangesItsCustomerOrProduct() {
        // given a customer and a product that exist only in the victim's tenant
        CustomerNumber onlyVictims = new CustomerNumber("V-1");
        w.send(victim, new io.invoiceflow.events.customer.RegisterCustomer(victim, onlyVictims, NorwegianSamples.bakery()));
        io.invoiceflow.events.shared.ProductCode product = new io.invoiceflow.events.shared.ProductCode("V-KAKE");
        w.send(victim, new io.invoiceflow.events.product.AddProduct(victim, product,
                new io.invoiceflow.events.product.ProductDetails("Kake", null, BigDecimal.TEN, new BigDecimal("15"))));
        // when / then
        assertThat(w.refused(intruder, new ChangeCustomer(intruder, onlyVictims, NorwegianSamples.bakery(), null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(w.refused(intruder, new ChangeProduct(intruder, product, NorwegianSamples.consulting(), null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        // and neither can be used on the intruder's documents
        DomainException customer = w.refused(intruder, new CreateInvoice(InvoiceId.random(), intruder,
                new InvoiceDraft(onlyVictims, null, null, null, null, null, null, null, List.of())));
        assertThat(customer.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
        DomainException line = w.refused(intruder, new CreateInvoice(InvoiceId.random(), intruder,
                new InvoiceDraft(BAKERY, null, null, null, null, null, null, null,
                        List.of(new LineInput(product, null, BigDecimal.ONE, null, null, null, null)))));
        assertThat(line.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
        assertThat(line.violations()).extracting("field").containsExactly("lines[0].productCode");
    }

    @Test
    void shouldKeepTheOtherTenantInvoicing_whenOneTenantDeactivates() {
        // given the victim deactivates invoicing
        w.send(victim, new DeactivateInvoicing(victim, null));
        // when the intruder (another tenant) finalizes / then it is not affected
        InvoiceId theirs = w.finalInvoice(intruder, TestTenants.draft());
        assertThat(w.payloads(theirs.value())).hasSize(2);
        assertThat(w.refused(victim, new FinalizeInvoice(victims.draft(), victim, null)).code())
                .isEqualTo(ErrorCode.INVOICING_DEACTIVATED);
    }
}
