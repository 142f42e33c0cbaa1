package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.CloneInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;

import static io.invoiceflow.commands.shared.FixtureSupport.OSLO_TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** H1/H12 clone: a new draft with the content of any invoice, without its dates. */
class InvoiceCloneIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();
    private final TenantId tenant = w.seedTenant();

    @Test
    void shouldDraftACopyWithoutDates_whenAFinalInvoiceIsCloned() {
        // given a final, paid invoice INV-1001 dated 15 March, due 29 March
        InvoiceId source = w.finalInvoice(tenant, TestTenants.draft());
        w.send(tenant, new MarkInvoicePaid(source, tenant, null));
        InvoiceId clone = InvoiceId.random();

        // when
        w.send(tenant, new CloneInvoice(source, tenant, clone));

        // then a draft with origin CLONE and the draft content of the source, dates cleared
        assertThat(w.payloads(clone.value())).containsExactly(new InvoiceDrafted(clone, tenant,
                new InvoiceOrigin(InvoiceOrigin.Kind.CLONE, source.value()), InvoiceSamples.draftContent()));
        assertThat(w.events(clone.value()).get(0).getMetaData())
                .containsEntry("actor", "user-1").containsEntry("requestId", "req-1");
    }

    @Test
    void shouldFinalizeTheCloneWithItsOwnNumberAndDate_whenItIsFinalized() {
        // given a clone of INV-1001
        InvoiceId source = w.finalInvoice(tenant, TestTenants.draft());
        InvoiceId clone = InvoiceId.random();
        w.send(tenant, new CloneInvoice(source, tenant, clone));
        // when
        w.send(tenant, new FinalizeInvoice(clone, tenant, null));
        // then
        InvoiceFinalized finalized = w.last(clone.value(), InvoiceFinalized.class);
        assertThat(finalized.number()).isEqualTo("INV-1002");
        assertThat(finalized.invoiceDate()).isEqualTo(OSLO_TODAY);
        assertThat(finalized.totals()).isEqualTo(InvoiceSamples.consultingTotals());
    }

    @Test
    void shouldClearTheExplicitInvoiceDate_whenADraftWithDateIsCloned() {
        // given a draft dated 2 March, NET_30 (due 1 April)
        InvoiceDraft d = TestTenants.draft();
        InvoiceId source = w.draft(tenant, new InvoiceDraft(d.customerNumber(), d.contacts(), LocalDate.of(2026, 3, 2),
                PaymentTerms.of(PaymentTerms.Kind.NET_30), d.poNumber(), "Husk referanse", d.language(), d.locale(),
                d.lines()));
        InvoiceId clone = InvoiceId.random();

        // when
        w.send(tenant, new CloneInvoice(source, tenant, clone));

        // then terms, comments and lines are copied, the dates are not
        InvoiceContent content = w.last(clone.value(), InvoiceDrafted.class).content();
        assertThat(content.invoiceDate()).isNull();
        assertThat(content.dueDate()).isNull();
        assertThat(content.paymentTerms()).isEqualTo(PaymentTerms.of(PaymentTerms.Kind.NET_30));
        assertThat(content.comments()).isEqualTo("Husk referanse");
        assertThat(content.lines()).containsExactly(InvoiceSamples.CONSULTING_LINE);
    }

    @Test
    void shouldCloneAVoidInvoice_whenItWasVoided() {
        // given
        InvoiceId source = w.finalInvoice(tenant, TestTenants.draft());
        w.send(tenant, new VoidInvoice(source, tenant, "Feil"));
        InvoiceId clone = InvoiceId.random();
        // when
        w.send(tenant, new CloneInvoice(source, tenant, clone));
        // then
        assertThat(w.payloads(clone.value())).hasSize(1);
    }

    @Test
    void shouldNotFindTheSource_whenAnotherTenantClonesIt() {
        // given
        InvoiceId source = w.finalInvoice(tenant, TestTenants.draft());
        TenantId intruder = w.seedTenant();
        InvoiceId clone = InvoiceId.random();
        // when / then
        assertThat(w.refused(intruder, new CloneInvoice(source, intruder, clone)).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(w.payloads(clone.value())).isEmpty();
    }

    @Test
    void shouldNotFindTheSource_whenItDoesNotExistOrWasDeleted() {
        // given a deleted draft
        InvoiceId deleted = w.deletedDraft(tenant);
        // when / then
        assertThat(w.refused(tenant, new CloneInvoice(deleted, tenant, InvoiceId.random())).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(w.refused(tenant, new CloneInvoice(InvoiceId.random(), tenant, InvoiceId.random())).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void shouldRefuseAsAlreadyExisting_whenCloneIdIsTaken() {
        // given two invoices
        InvoiceId source = w.finalInvoice(tenant, TestTenants.draft());
        InvoiceId taken = w.draft(tenant, TestTenants.draft());
        // when one is cloned into the other's id / then
        assertThat(w.refused(tenant, new CloneInvoice(source, tenant, taken)).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(w.payloads(taken.value())).hasSize(1);
    }
}
