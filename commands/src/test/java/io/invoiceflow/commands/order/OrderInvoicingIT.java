package io.invoiceflow.commands.order;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.order.ChangeOrder;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.order.OrderInvoiced;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static io.invoiceflow.commands.shared.FixtureSupport.OSLO_TODAY;
import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CONSULTING;
import static io.invoiceflow.commands.shared.NorwegianSamples.catalogue;
import static org.assertj.core.api.Assertions.assertThat;

/** H1 invoice from an order, through the real write side: the order is marked and the invoice drafted in one unit of work. */
class OrderInvoicingIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();
    private TenantId tenant;
    private OrderId order;

    /** 6 consulting hours from the catalogue: 6 x 1 250.00 = 7 500.00, VAT 1 875.00, gross 9 375.00. */
    private static OrderDraft consultingOrder() {
        return new OrderDraft(BAKERY, null, "PO-2026-17", "Workshop uke 12", null, List.of(catalogue(CONSULTING, "6")));
    }

    @BeforeEach
    void setUp() {
        tenant = w.seedTenant();
        order = OrderId.random();
        w.send(tenant, new CreateOrder(order, tenant, consultingOrder()));
    }

    @Test
    void shouldMarkOrderAndDraftInvoiceWithOrderContent_whenOrderIsInvoiced() {
        // given an order of 9 375.00
        InvoiceId invoice = InvoiceId.random();

        // when
        w.send(tenant, new InvoiceOrder(order, tenant, invoice, PaymentTerms.of(PaymentTerms.Kind.NET_30)));

        // then the order references the invoice
        assertThat(w.last(order.value(), OrderInvoiced.class)).isEqualTo(new OrderInvoiced(order, tenant, invoice));
        // and the invoice is a draft with origin ORDER and the order's content
        OrderContent o = ((OrderCreated) w.payloads(order.value()).get(0)).content();
        assertThat(o.totals().grossAmount()).isEqualByComparingTo("9375.00");
        assertThat(w.payloads(invoice.value())).containsExactly(new InvoiceDrafted(invoice, tenant,
                new InvoiceOrigin(InvoiceOrigin.Kind.ORDER, order.value()),
                new InvoiceContent(o.customer(), o.contacts(), null, PaymentTerms.of(PaymentTerms.Kind.NET_30), null,
                        "PO-2026-17", "Workshop uke 12", "nb", "nb-NO", "NOK", o.lines(), o.totals())));
    }

    @Test
    void shouldFinalizeTheInvoiceFromTheOrder_whenItIsComplete() {
        // given an invoice drafted from the order, NET_30
        InvoiceId invoice = InvoiceId.random();
        w.send(tenant, new InvoiceOrder(order, tenant, invoice, PaymentTerms.of(PaymentTerms.Kind.NET_30)));
        // when
        w.send(tenant, new FinalizeInvoice(invoice, tenant, null));
        // then 15 March + 30 days = 14 April
        InvoiceFinalized f = w.last(invoice.value(), InvoiceFinalized.class);
        assertThat(f.number()).isEqualTo("INV-1001");
        assertThat(f.invoiceDate()).isEqualTo(OSLO_TODAY);
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(f.totals().grossAmount()).isEqualByComparingTo("9375.00");
    }

    @Test
    void shouldRefuseChange_whenOrderIsInvoiced() {
        // given
        w.send(tenant, new InvoiceOrder(order, tenant, InvoiceId.random(), null));
        // when / then
        assertThat(w.refused(tenant, new ChangeOrder(order, tenant, consultingOrder(), null)).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldRefuseAndDraftNothing_whenOrderIsInvoicedTwice() {
        // given
        w.send(tenant, new InvoiceOrder(order, tenant, InvoiceId.random(), null));
        InvoiceId second = InvoiceId.random();
        // when / then
        assertThat(w.refused(tenant, new InvoiceOrder(order, tenant, second, null)).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(w.payloads(second.value())).isEmpty();
    }

    @Test
    void shouldNotFindTheOrder_whenAnotherTenantInvoicesIt() {
        // given
        TenantId intruder = w.seedTenant();
        InvoiceId invoice = InvoiceId.random();
        // when / then
        assertThat(w.refused(intruder, new InvoiceOrder(order, intruder, invoice, null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(w.payloads(invoice.value())).isEmpty();
        assertThat(w.payloads(order.value())).hasSize(1);
    }

    @Test
    void shouldNotFindTheOrder_whenItDoesNotExist() {
        // given / when / then
        assertThat(w.refused(tenant, new InvoiceOrder(OrderId.random(), tenant, InvoiceId.random(), null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void shouldRefuseAsAlreadyExistingAndLeaveOrderOpen_whenInvoiceIdIsTaken() {
        // given an existing invoice
        InvoiceId taken = w.draft(tenant, TestTenants.draft());
        // when the order is invoiced into its id
        ErrorCode code = w.refused(tenant, new InvoiceOrder(order, tenant, taken, null)).code();
        // then (a duplicate id, not a concurrent modification: the client sent no version)
        assertThat(code).isEqualTo(ErrorCode.ALREADY_EXISTS);
        // and nothing changed: the order is still open
        assertThat(w.payloads(order.value())).hasSize(1);
        assertThat(w.payloads(taken.value())).hasSize(1);
    }

    @Test
    void shouldDraftFromTheChangedOrder_whenOrderWasChangedBeforeInvoicing() {
        // given the order is changed to Tromsø Tech (language en)
        w.send(tenant, new ChangeOrder(order, tenant, new OrderDraft(NorwegianSamples.TECH, null, null, null, null,
                List.of(catalogue(CONSULTING, "1"))), 0L));
        InvoiceId invoice = InvoiceId.random();
        // when
        w.send(tenant, new InvoiceOrder(order, tenant, invoice, null));
        // then the invoice follows the changed order: en, en-NO, due on receipt
        InvoiceContent c = w.last(invoice.value(), InvoiceDrafted.class).content();
        assertThat(c.customer().customerNumber()).isEqualTo(NorwegianSamples.TECH);
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.locale()).isEqualTo("en-NO");
        assertThat(c.paymentTerms()).isEqualTo(PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT));
    }
}
