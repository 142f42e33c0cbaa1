package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CONSULTING;
import static io.invoiceflow.commands.shared.NorwegianSamples.catalogue;
import static org.assertj.core.api.Assertions.assertThat;

/** Starting a distribution checks the invoice and the tenant in the same unit of work. */
class DistributionRequestIT {
    private final WriteSideSupport w = WriteSideSupport.start();
    private final TenantId tenant = w.seedTenant();

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void shouldStartADistribution_whenTheInvoiceIsFinal() {
        // given
        InvoiceId invoice = w.finalInvoice(tenant, TestTenants.draft());
        DistributionId id = DistributionId.forFinalized(invoice);

        // when
        w.send(tenant, new RequestDistribution(id, tenant, invoice, DistributionTrigger.FINALIZED, List.of(), List.of()));

        // then
        assertThat(w.last(id.value(), DistributionRequested.class).invoiceId()).isEqualTo(invoice);
    }

    @Test
    void shouldRefuseARepeat_whenTheDerivedIdIsUsedAgain() {
        // given
        InvoiceId invoice = w.finalInvoice(tenant, TestTenants.draft());
        RequestDistribution request = new RequestDistribution(DistributionId.forFinalized(invoice), tenant, invoice,
                DistributionTrigger.FINALIZED, List.of(), List.of());
        w.send(tenant, request);

        // when / then
        assertThat(w.refused(tenant, request).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(w.events(request.aggregateId())).hasSize(1);
    }

    @Test
    void shouldRefuse_whenTheInvoiceIsADraftOrOfAnotherTenantOrInvoicingIsOff() {
        // given
        InvoiceId draft = w.draft(tenant, TestTenants.draft());
        InvoiceId invoice = w.finalInvoice(tenant, TestTenants.draft());
        TenantId other = w.seedTenant();

        // when / then
        assertThat(w.refused(tenant, request(tenant, draft, List.of())).code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(w.refused(other, request(other, invoice, List.of())).code()).isEqualTo(ErrorCode.NOT_FOUND);
        DomainException badAddress = w.refused(tenant, request(tenant, invoice, List.of("not an address")));
        assertThat(badAddress.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("to[0]"));
        w.send(tenant, new DeactivateInvoicing(tenant, "closing the year"));
        assertThat(w.refused(tenant, request(tenant, invoice, List.of())).code())
                .isEqualTo(ErrorCode.INVOICING_DEACTIVATED);
    }

    // ---- an order's confirmation (issue 5, S2)

    @Test
    void shouldStartAnOrdersDistribution_whenTheLayoutIsAStandardOneOrNone() {
        // given
        OrderId order = order(tenant);
        DistributionId picked = DistributionId.random();
        DistributionId byDefault = DistributionId.random();

        // when
        w.send(tenant, RequestDistribution.order(picked, tenant, order, List.of("innkjop@kunde.no"), List.of(),
                "compact"));
        w.send(tenant, RequestDistribution.order(byDefault, tenant, order, List.of(), List.of(), null));

        // then
        DistributionRequested requested = w.last(picked.value(), DistributionRequested.class);
        assertThat(requested.orderId()).isEqualTo(order);
        assertThat(requested.invoiceId()).isNull();
        assertThat(requested.layout()).isEqualTo("compact");
        assertThat(requested.to()).containsExactly("innkjop@kunde.no");
        assertThat(w.last(byDefault.value(), DistributionRequested.class).layout()).isNull();
    }

    @Test
    void shouldSendAnOrder_whenTheTenantsInvoicingIsDeactivated() {
        // given
        OrderId order = order(tenant);
        w.send(tenant, new DeactivateInvoicing(tenant, "closing the year"));
        DistributionId id = DistributionId.random();

        // when
        w.send(tenant, RequestDistribution.order(id, tenant, order, List.of(), List.of(), "modern"));

        // then
        assertThat(w.last(id.value(), DistributionRequested.class).orderId()).isEqualTo(order);
    }

    @Test
    void shouldRefuseAnOrdersDistribution_whenLayoutOrAddressOrDocumentIsWrong() {
        // given
        OrderId order = order(tenant);
        TenantId other = w.seedTenant();
        InvoiceId invoice = w.finalInvoice(tenant, TestTenants.draft());

        // when
        DomainException notALayout = w.refused(tenant, orderRequest(tenant, order, List.of(), "fancy"));
        DomainException noSuchTemplate = w.refused(tenant, orderRequest(tenant, order, List.of(), "custom:nope"));
        DomainException badAddress = w.refused(tenant, orderRequest(tenant, order, List.of("a@b.no", "nope"), null));
        DomainException otherTenant = w.refused(other, orderRequest(other, order, List.of(), null));
        DomainException unknown = w.refused(tenant, orderRequest(tenant, OrderId.random(), List.of(), null));
        DomainException both = w.refused(tenant, new RequestDistribution(DistributionId.random(), tenant, invoice,
                order, DistributionTrigger.SEND, List.of(), List.of(), null));
        DomainException invoiceLayout = w.refused(tenant, new RequestDistribution(DistributionId.random(), tenant,
                invoice, null, DistributionTrigger.SEND, List.of(), List.of(), "compact"));

        // then
        assertThat(notALayout.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(notALayout.violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo("layout");
            assertThat(v.rule()).isEqualTo("one-of");
        });
        assertThat(noSuchTemplate.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
        assertThat(badAddress.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("to[1]"));
        assertThat(otherTenant.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(both.violations()).anySatisfy(v -> assertThat(v.rule()).isEqualTo("exactly-one"));
        assertThat(invoiceLayout.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("layout"));
    }

    private OrderId order(TenantId owner) {
        OrderId order = OrderId.random();
        w.send(owner, new CreateOrder(order, owner, new OrderDraft(BAKERY, null, null, null, null,
                List.of(catalogue(CONSULTING, "2")))));
        return order;
    }

    private static RequestDistribution orderRequest(TenantId tenant, OrderId order, List<String> to, String layout) {
        return RequestDistribution.order(DistributionId.random(), tenant, order, to, List.of(), layout);
    }

    private static RequestDistribution request(TenantId tenant, InvoiceId invoice, List<String> to) {
        return new RequestDistribution(DistributionId.random(), tenant, invoice, DistributionTrigger.SEND, to, List.of());
    }
}
