package io.invoiceflow.commands.tenant;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.product.AddProduct;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating what already exists is refused with ALREADY_EXISTS and changes nothing (real write side). */
class AlreadyExistsIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();
    private final TenantId tenant = w.seedTenant();

    @Test
    void shouldRefuseAsAlreadyExisting_whenTenantIsCreatedTwice() {
        // given / when / then
        assertThat(w.refused(tenant, TestTenants.createTenant(tenant)).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(w.payloads(tenant.value())).hasSize(1);
    }

    @Test
    void shouldRefuseAsAlreadyExisting_whenCustomerNumberIsTaken() {
        // given the bakery 10001 / when it is registered again / then
        assertThat(w.refused(tenant, new RegisterCustomer(tenant, BAKERY, NorwegianSamples.tech())).code())
                .isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(w.writeSide().directory().customer(tenant, BAKERY)).hasValueSatisfying(
                c -> assertThat(c.value().name()).isEqualTo("Bryggen Bakeri AS"));
    }

    @Test
    void shouldAcceptTheSameCustomerNumber_whenItIsInAnotherTenant() {
        // given another tenant / when it registers 10001 too / then both exist
        TenantId other = TenantId.random();
        w.send(other, TestTenants.createTenant(other));
        w.send(other, new RegisterCustomer(other, BAKERY, NorwegianSamples.tech()));
        assertThat(w.writeSide().directory().customer(other, BAKERY)).isPresent();
    }

    @Test
    void shouldRefuseAsAlreadyExisting_whenProductCodeIsTaken() {
        // given KONS / when / then
        assertThat(w.refused(tenant, new AddProduct(tenant, NorwegianSamples.CONSULTING, NorwegianSamples.consulting()))
                .code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void shouldRefuseAsAlreadyExisting_whenInvoiceOrOrderIdIsTaken() {
        // given
        InvoiceId invoice = w.draft(tenant, TestTenants.draft());
        OrderId order = OrderId.random();
        OrderDraft orderDraft = new OrderDraft(BAKERY, null, null, null, null, List.of());
        w.send(tenant, new CreateOrder(order, tenant, orderDraft));
        // when / then
        assertThat(w.refused(tenant, new CreateInvoice(invoice, tenant, TestTenants.draft())).code())
                .isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(w.refused(tenant, new CreateOrder(order, tenant, orderDraft)).code())
                .isEqualTo(ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void shouldNotReuseTheId_whenTheDraftWasDeleted() {
        // given a deleted draft
        InvoiceId invoice = w.deletedDraft(tenant);
        // when / then its id stays used (its history stays)
        assertThat(w.refused(tenant, new CreateInvoice(invoice, tenant, TestTenants.draft())).code())
                .isEqualTo(ErrorCode.ALREADY_EXISTS);
    }
}
