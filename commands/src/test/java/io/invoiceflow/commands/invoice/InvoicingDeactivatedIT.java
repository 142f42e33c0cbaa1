package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.ChangeInvoiceDraft;
import io.invoiceflow.events.invoice.CloneInvoice;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.CreditInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.order.ChangeOrder;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.order.OrderChanged;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.ActivateInvoicing;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CONSULTING;
import static io.invoiceflow.commands.shared.NorwegianSamples.catalogue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S1 through the real write side: DeactivateInvoicing reaches the directory through the projector in
 * the same transaction, every invoicing command is then refused with INVOICING_DEACTIVATED, and
 * orders can still be created and changed.
 */
class InvoicingDeactivatedIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();
    private TenantId tenant;
    private WriteSideSupport.Documents documents;

    @BeforeEach
    void setUp() {
        // given a draft, a final invoice (INV-1001) and an order, then invoicing is deactivated
        tenant = w.seedTenant();
        documents = w.createDocuments(tenant, orderDraft());
        w.send(tenant, new DeactivateInvoicing(tenant, "Avsluttet avtale"));
    }

    private static OrderDraft orderDraft() {
        return new OrderDraft(BAKERY, null, null, null, null, List.of(catalogue(CONSULTING, "2")));
    }

    @Test
    void shouldRefuseEveryInvoicingCommandWithInvoicingDeactivated_whenTenantHasDeactivatedInvoicing() {
        // given setUp
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("create", new CreateInvoice(InvoiceId.random(), tenant, TestTenants.draft()));
        commands.put("change", new ChangeInvoiceDraft(documents.draft(), tenant, TestTenants.draft(), null));
        commands.put("delete", new DeleteInvoiceDraft(documents.draft(), tenant, null));
        commands.put("finalize", new FinalizeInvoice(documents.draft(), tenant, null));
        commands.put("pay", new MarkInvoicePaid(documents.finalInvoice(), tenant, null));
        commands.put("void", new VoidInvoice(documents.finalInvoice(), tenant, null));
        commands.put("credit", new CreditInvoice(documents.finalInvoice(), tenant, CreditNoteId.random(), null, null));
        commands.put("clone", new CloneInvoice(documents.finalInvoice(), tenant, InvoiceId.random()));
        commands.put("invoice order", new InvoiceOrder(documents.order(), tenant, InvoiceId.random(), null));

        // when / then each is refused with the S1 code, and nothing is stored
        commands.forEach((name, command) -> {
            DomainException e = w.refused(tenant, command);
            assertThat(e.code()).as(name).isEqualTo(ErrorCode.INVOICING_DEACTIVATED);
            assertThat(e.getMessage()).as(name).containsIgnoringCase("deactivated");
        });
        assertThat(w.payloads(documents.draft().value())).hasSize(1);
        assertThat(w.payloads(documents.finalInvoice().value())).hasSize(2);
        assertThat(w.payloads(documents.order().value())).hasSize(1);
    }

    @Test
    void shouldStillCreateAndChangeOrders_whenTenantHasDeactivatedInvoicing() {
        // given setUp
        OrderId newOrder = OrderId.random();
        // when
        w.send(tenant, new CreateOrder(newOrder, tenant, orderDraft()));
        w.send(tenant, new ChangeOrder(documents.order(), tenant, orderDraft(), 0L));
        // then
        assertThat(w.payloads(newOrder.value())).singleElement().isInstanceOf(OrderCreated.class);
        assertThat(w.last(documents.order().value(), OrderChanged.class).content().totals().grossAmount())
                .isEqualByComparingTo("3125.00");
    }

    @Test
    void shouldInvoiceAgainAndContinueTheNumbering_whenInvoicingIsActivatedAgain() {
        // given invoicing is activated again
        w.send(tenant, new ActivateInvoicing(tenant));
        // when
        w.send(tenant, new FinalizeInvoice(documents.draft(), tenant, null));
        // then the number series continues without a gap
        assertThat(w.last(documents.draft().value(), InvoiceFinalized.class).number()).isEqualTo("INV-1002");
    }
}
