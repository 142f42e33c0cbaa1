package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    private static RequestDistribution request(TenantId tenant, InvoiceId invoice, List<String> to) {
        return new RequestDistribution(DistributionId.random(), tenant, invoice, DistributionTrigger.SEND, to, List.of());
    }
}
