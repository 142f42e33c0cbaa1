package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.CreditInvoice;
import io.invoiceflow.events.invoice.InvoiceCredited;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;

import static io.invoiceflow.commands.invoice.InvoiceSamples.BREAD_LINE;
import static io.invoiceflow.commands.invoice.InvoiceSamples.CONSULTING_LINE;
import static io.invoiceflow.commands.shared.FixtureSupport.NOW;
import static io.invoiceflow.commands.shared.FixtureSupport.OSLO_TODAY;
import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.bakerySnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * H12 credit notes through the real write side: CreditInvoice changes the invoice and creates the
 * credit note in one unit of work, numbered from the tenant's credit note series (CN-1, CN-2, ...).
 */
class InvoiceCreditIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();
    private TenantId tenant;
    private InvoiceId invoice;

    /** Two lines: 3 x 199.90 = 599.70 at 25 % and 10 x 45.00 = 450.00 at 15 %; gross 1 267.13. */
    static InvoiceDraft twoLines() {
        return new InvoiceDraft(BAKERY, null, null, PaymentTerms.of(PaymentTerms.Kind.NET_14), "PO-77", null, null, null,
                List.of(new LineInput(null, "Consulting", new BigDecimal("3"), "hours", new BigDecimal("199.90"), null,
                                new BigDecimal("25")),
                        new LineInput(null, "Grovbrød", new BigDecimal("10"), "stk", new BigDecimal("45.00"), null,
                                new BigDecimal("15"))));
    }

    @BeforeEach
    void setUp() {
        tenant = w.seedTenant();
        invoice = w.finalInvoice(tenant, twoLines());
    }

    @Test
    void shouldCreditEveryLineAndIssueNumberedCreditNote_whenNoLineNumbersAreGiven() {
        // given a final invoice INV-1001 of 1 267.13
        CreditNoteId cn = CreditNoteId.random();

        // when
        String number = w.send(tenant, new CreditInvoice(invoice, tenant, cn, List.of(), "Feil levering"));

        // then the credit note has the first number of its own series
        assertThat(number).isEqualTo("CN-1");
        // the invoice is fully credited
        assertThat(w.last(invoice.value(), InvoiceCredited.class)).isEqualTo(new InvoiceCredited(invoice, tenant, cn,
                "CN-1", List.of(1, 2), new BigDecimal("1267.13"), "NOK", true));
        // and the credit note carries the credited lines and their totals, dated today in Oslo
        Totals totals = InvoiceSamples.twoLineContent().totals();
        assertThat(w.payloads(cn.value())).containsExactly(new CreditNoteIssued(cn, tenant, "CN-1", 1, invoice,
                "INV-1001", OSLO_TODAY, bakerySnapshot(), "NOK", List.of(CONSULTING_LINE, BREAD_LINE), totals,
                "Feil levering", NOW));
    }

    @Test
    void shouldBeInStatusCredited_whenFullyCredited() {
        // given a fully credited invoice
        w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), null, null));
        // when / then it can no longer be paid, voided or credited
        assertThat(w.refused(tenant, new MarkInvoicePaid(invoice, tenant, null)).code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(w.refused(tenant, new VoidInvoice(invoice, tenant, null)).code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(w.refused(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), null, null)).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldCreditOnlyTheNamedLines_whenLineNumbersAreGiven() {
        // given
        CreditNoteId first = CreditNoteId.random();

        // when line 2 (bread) is credited
        String number = w.send(tenant, new CreditInvoice(invoice, tenant, first, List.of(2), null));

        // then 450.00 + 15 % VAT 67.50 = 517.50 is credited; the invoice is not fully credited
        assertThat(number).isEqualTo("CN-1");
        InvoiceCredited credited = w.last(invoice.value(), InvoiceCredited.class);
        assertThat(credited.lineNos()).containsExactly(2);
        assertThat(credited.grossAmount()).isEqualByComparingTo("517.50");
        assertThat(credited.fullyCredited()).isFalse();
        CreditNoteIssued issued = w.last(first.value(), CreditNoteIssued.class);
        assertThat(issued.lines()).containsExactly(BREAD_LINE);
        assertThat(issued.totals()).isEqualTo(new Totals(new BigDecimal("450.00"), new BigDecimal("67.50"),
                new BigDecimal("517.50"), List.of(new VatLine(new BigDecimal("15"), new BigDecimal("450.00"),
                new BigDecimal("67.50"), new BigDecimal("517.50")))));

        // when the rest is credited
        CreditNoteId second = CreditNoteId.random();
        String secondNumber = w.send(tenant, new CreditInvoice(invoice, tenant, second, List.of(), null));

        // then only line 1 is left to credit: 599.70 + 149.93 = 749.63, with the next number
        assertThat(secondNumber).isEqualTo("CN-2");
        assertThat(w.last(invoice.value(), InvoiceCredited.class))
                .extracting(InvoiceCredited::lineNos, InvoiceCredited::fullyCredited)
                .containsExactly(List.of(1), true);
        assertThat(w.last(second.value(), CreditNoteIssued.class).totals().grossAmount()).isEqualByComparingTo("749.63");
    }

    @Test
    void shouldNeverCreditMoreThanWasInvoiced_whenAnInvoiceIsCreditedLineByLine() {
        // given an invoice of two 25 % lines of 10.02: net 20.04, VAT 20.04 x 0.25 = 5.01, gross 25.05
        InvoiceId small = w.finalInvoice(tenant, new InvoiceDraft(BAKERY, null, null, null, null, null, null, null,
                List.of(new LineInput(null, "Frakt", BigDecimal.ONE, null, new BigDecimal("10.02"), null, new BigDecimal("25")),
                        new LineInput(null, "Frakt", BigDecimal.ONE, null, new BigDecimal("10.02"), null, new BigDecimal("25")))));

        // when it is credited one line at a time
        w.send(tenant, new CreditInvoice(small, tenant, CreditNoteId.random(), List.of(1), null));
        w.send(tenant, new CreditInvoice(small, tenant, CreditNoteId.random(), List.of(2), null));

        // then the two credit notes together give back exactly the 25.05 that was invoiced. Each credit
        // note on its own rounds 10.02 x 0.25 = 2.505 up to 2.51 (gross 12.53); the last one must take the
        // remainder (25.05 - 12.53 = 12.52), or the customer is refunded 25.06 for an invoice of 25.05.
        BigDecimal credited = w.payloads(small.value()).stream()
                .filter(InvoiceCredited.class::isInstance).map(InvoiceCredited.class::cast)
                .map(InvoiceCredited::grossAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(credited).isEqualByComparingTo("25.05");
    }

    @Test
    void shouldRefuseWithTheLineField_whenALineIsCreditedTwice() {
        // given line 2 is credited
        w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(2), null));

        // when it is credited again
        DomainException e = w.refused(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(2), null));

        // then
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).extracting("field", "rule").containsExactly(tuple("lineNos[0]", "not-credited"));
        // and the refusal used up no credit note number
        assertThat((String) w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(1), null)))
                .isEqualTo("CN-2");
    }

    @Test
    void shouldBlameTheSecondEntry_whenOnlyItWasCreditedBefore() {
        // given
        w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(2), null));
        // when
        DomainException e = w.refused(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(1, 2), null));
        // then
        assertThat(e.violations()).extracting("field", "rule").containsExactly(tuple("lineNos[1]", "not-credited"));
    }

    @Test
    void shouldRefuseWithTheLineField_whenALineDoesNotExist() {
        // given a two-line invoice / when lines 3 and 0 are credited / then
        DomainException e = w.refused(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(3, 0), null));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).extracting("field", "rule")
                .containsExactly(tuple("lineNos[0]", "exists"), tuple("lineNos[1]", "exists"));
    }

    @Test
    void shouldRefuseWithTheLineField_whenALineIsListedTwice() {
        // given / when
        DomainException e = w.refused(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(1, 1), null));
        // then
        assertThat(e.violations()).extracting("field", "rule").containsExactly(tuple("lineNos[1]", "unique"));
    }

    @Test
    void shouldRefuseVoid_whenALineWasCredited() {
        // given
        w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(1), null));
        // when / then
        assertThat(w.refused(tenant, new VoidInvoice(invoice, tenant, null)).code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldRefuseCredit_whenInvoiceIsADraft() {
        // given
        InvoiceId draft = w.draft(tenant, twoLines());
        // when
        DomainException e = w.refused(tenant, new CreditInvoice(draft, tenant, CreditNoteId.random(), null, null));
        // then
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldRefuseCredit_whenInvoiceIsVoid() {
        // given
        w.send(tenant, new VoidInvoice(invoice, tenant, "Feil kunde"));
        // when / then
        assertThat(w.refused(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), null, null)).code())
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void shouldCreditAPaidInvoice_whenItWasPaidBefore() {
        // given a paid invoice
        w.send(tenant, new MarkInvoicePaid(invoice, tenant, null));
        // when
        String number = w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(2), "Retur"));
        // then
        assertThat(number).isEqualTo("CN-1");
    }

    @Test
    void shouldBePaidForTheOutstandingAmount_whenALineWasCreditedBefore() {
        // given line 2 (517.50) is credited
        w.send(tenant, new CreditInvoice(invoice, tenant, CreditNoteId.random(), List.of(2), null));
        // when
        w.send(tenant, new MarkInvoicePaid(invoice, tenant, null));
        // then 1 267.13 - 517.50 = 749.63
        assertThat(w.last(invoice.value(), InvoicePaid.class).amount()).isEqualByComparingTo("749.63");
    }

    @Test
    void shouldNotFindTheInvoice_whenAnotherTenantCreditsIt() {
        // given another tenant
        TenantId intruder = w.seedTenant();
        // when / then
        assertThat(w.refused(intruder, new CreditInvoice(invoice, intruder, CreditNoteId.random(), null, null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void shouldNotFindTheInvoice_whenItDoesNotExist() {
        // given / when / then
        assertThat(w.refused(tenant, new CreditInvoice(InvoiceId.random(), tenant, CreditNoteId.random(), null, null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void shouldRefuseAsAlreadyExisting_whenCreditNoteIdIsTaken() {
        // given a credit note
        CreditNoteId taken = CreditNoteId.random();
        w.send(tenant, new CreditInvoice(invoice, tenant, taken, List.of(1), null));
        // when a second credit note is issued under the same id
        DomainException e = w.refused(tenant, new CreditInvoice(invoice, tenant, taken, List.of(2), null));
        // then (a duplicate id, not a concurrent modification: the client sent no version)
        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        // and line 2 is still open
        assertThat(w.last(invoice.value(), InvoiceCredited.class).lineNos()).containsExactly(1);
    }
}
