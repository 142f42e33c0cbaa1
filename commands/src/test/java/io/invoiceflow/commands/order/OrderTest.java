package io.invoiceflow.commands.order;

import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.order.ChangeOrder;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.order.OrderChanged;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.order.OrderInvoiced;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.BREAD;
import static io.invoiceflow.commands.shared.NorwegianSamples.KARI;
import static io.invoiceflow.commands.shared.NorwegianSamples.TECH;
import static io.invoiceflow.commands.shared.NorwegianSamples.catalogue;
import static io.invoiceflow.commands.shared.NorwegianSamples.custom;
import static org.assertj.core.api.Assertions.assertThat;

/** H1 (orders) and S1 (orders stay open while invoicing is off), on the Order aggregate alone. */
class OrderTest extends AggregateTestBase<Order> {
    private final OrderId orderId = OrderId.random();

    OrderTest() {
        super(Order.class);
    }

    /** 20 loaves from the catalogue: 20 x 45.00 = 900.00 at 15 %, VAT 135.00, gross 1 035.00. */
    private static OrderDraft breadOrder() {
        return new OrderDraft(BAKERY, null, "PO-12", "Levering fredag", null, List.of(catalogue(BREAD, "20")));
    }

    private static OrderContent breadOrderContent() {
        return new OrderContent(NorwegianSamples.bakerySnapshot(), List.of(KARI), "PO-12", "Levering fredag", "nb", "NOK",
                List.of(new Line(1, BREAD, "Grovbrød", new BigDecimal("20"), "stk", new BigDecimal("45.00"), null,
                        new BigDecimal("15"), new BigDecimal("900.00"))),
                new Totals(new BigDecimal("900.00"), new BigDecimal("135.00"), new BigDecimal("1035.00"),
                        List.of(new VatLine(new BigDecimal("15"), new BigDecimal("900.00"), new BigDecimal("135.00"),
                                new BigDecimal("1035.00")))));
    }

    private OrderCreated created() {
        return new OrderCreated(orderId, tenant, breadOrderContent());
    }

    // ---- create and change

    @Test
    void shouldCreateOrderWithResolvedAndPricedContent_whenCreateOrder() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateOrder(orderId, tenant, breadOrder()))
                // then customer snapshot, Kari as contact, nb, NOK, the catalogue line priced
                .expectEvents(created());
    }

    @Test
    void shouldCreateOrder_whenInvoicingIsDeactivated() {
        // given S1: invoicing off
        db.deactivateInvoicing(tenant);
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateOrder(orderId, tenant, breadOrder()))
                // then orders are still allowed
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void shouldChangeOrder_whenInvoicingIsDeactivated() {
        // given S1: invoicing off
        db.deactivateInvoicing(tenant);
        fixture.given(created())
                // when
                .when(new ChangeOrder(orderId, tenant, new OrderDraft(TECH, null, null, null, null,
                        List.of(custom("Support", "2", "950.00", "25"))), null))
                // then
                .expectEventsMatching(onlyEvent(OrderChanged.class, e -> {
                    assertThat(e.content().customer().customerNumber()).isEqualTo(TECH);
                    assertThat(e.content().language()).isEqualTo("en");
                    // 2 x 950.00 = 1 900.00; VAT 475.00; gross 2 375.00
                    assertThat(e.content().totals().grossAmount()).isEqualByComparingTo("2375.00");
                }));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenChangingAnOutdatedVersion() {
        // given version 0 / when the client names version 4
        fixture.given(created())
                .when(new ChangeOrder(orderId, tenant, breadOrder(), 4L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }

    @Test
    void shouldChange_whenExpectedVersionIsCurrent() {
        // given / when
        fixture.given(created())
                .when(new ChangeOrder(orderId, tenant, breadOrder(), 0L))
                // then
                .expectEvents(new OrderChanged(orderId, tenant, breadOrderContent()));
    }

    @Test
    void shouldRefuseChange_whenOrderIsInvoiced() {
        // given
        fixture.given(created(), new OrderInvoiced(orderId, tenant, InvoiceId.random()))
                // when
                .when(new ChangeOrder(orderId, tenant, breadOrder(), null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void shouldNotFindTheOrder_whenAnotherTenantChangesIt() {
        // given
        TenantId intruder = NorwegianSamples.seed(db);
        fixture.given(created())
                // when
                .when(new ChangeOrder(orderId, intruder, breadOrder(), null))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldRefuseWithUnknownReference_whenCustomerDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateOrder(orderId, tenant, new OrderDraft(new CustomerNumber("nope"), null, null, null,
                        null, List.of())))
                // then
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE).withViolation("customerNumber", "exists"));
    }

    @Test
    void shouldRefuseWithLineField_whenOrderLineHasAnUnknownVatRate() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateOrder(orderId, tenant, new OrderDraft(BAKERY, null, null, null, null,
                        List.of(custom("Kake", "1", "100.00", "10")))))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("lines[0].vatRate", "one-of"));
    }

    // ---- invoicing (the aggregate's half; InvoiceOrder as a whole is tested in InvoiceWorkflowIT)

    @Test
    void shouldMarkInvoicedAndHandOverContent_whenOrderIsInvoiced() {
        // given
        InvoiceId invoiceId = InvoiceId.random();
        AtomicReference<InvoiceContent> handedOver = new AtomicReference<>();
        fixture.given(created())
                // when
                .whenInvoking(orderId.value(), o -> handedOver.set(o.invoice(
                        new InvoiceOrder(orderId, tenant, invoiceId, PaymentTerms.of(PaymentTerms.Kind.NET_30)),
                        db.directory())))
                // then
                .expectEvents(new OrderInvoiced(orderId, tenant, invoiceId));
        OrderContent order = breadOrderContent();
        assertThat(handedOver.get()).isEqualTo(new InvoiceContent(order.customer(), order.contacts(), null,
                PaymentTerms.of(PaymentTerms.Kind.NET_30), null, order.poNumber(), order.comments(), "nb", "nb-NO", "NOK",
                order.lines(), order.totals()));
    }

    @Test
    void shouldDefaultToDueOnReceipt_whenInvoicingWithoutTerms() {
        // given
        AtomicReference<InvoiceContent> handedOver = new AtomicReference<>();
        fixture.given(created())
                // when
                .whenInvoking(orderId.value(), o -> handedOver.set(o.invoice(
                        new InvoiceOrder(orderId, tenant, InvoiceId.random(), null), db.directory())))
                // then
                .expectSuccessfulHandlerExecution();
        assertThat(handedOver.get().paymentTerms()).isEqualTo(PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT));
    }

    @Test
    void shouldRefuseSecondInvoicing_whenOrderIsInvoiced() {
        // given
        fixture.given(created(), new OrderInvoiced(orderId, tenant, InvoiceId.random()))
                // when
                .whenInvoking(orderId.value(), o -> o.invoice(
                        new InvoiceOrder(orderId, tenant, InvoiceId.random(), null), db.directory()))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseInvoicing_whenInvoicingIsDeactivated() {
        // given
        db.deactivateInvoicing(tenant);
        fixture.given(created())
                // when
                .whenInvoking(orderId.value(), o -> o.invoice(
                        new InvoiceOrder(orderId, tenant, InvoiceId.random(), null), db.directory()))
                // then
                .expectException(domainError(ErrorCode.INVOICING_DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseInvalidTerms_whenInvoicingWithCustomTermsOutOfRange() {
        // given / when
        fixture.given(created())
                .whenInvoking(orderId.value(), o -> o.invoice(new InvoiceOrder(orderId, tenant, InvoiceId.random(),
                        new PaymentTerms(PaymentTerms.Kind.CUSTOM, 400)), db.directory()))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("paymentTerms.days", "range"));
    }

    @Test
    void shouldNotFindTheOrder_whenAnotherTenantInvoicesIt() {
        // given / when
        TenantId intruder = NorwegianSamples.seed(db);
        fixture.given(created())
                .whenInvoking(orderId.value(), o -> o.invoice(
                        new InvoiceOrder(orderId, intruder, InvoiceId.random(), null), db.directory()))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }
}
