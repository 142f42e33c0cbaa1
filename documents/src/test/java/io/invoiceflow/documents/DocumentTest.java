package io.invoiceflow.documents;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocumentTest {
    static final TenantProfile TENANT = new TenantProfile("Fjordkraft Regnskap AS", "923609016",
            new Address("Strandgata 1", "5013", "Bergen", "NO"), "NOK", "Europe/Oslo", "nb",
            new NumberSeries("INV-", 1001), new NumberSeries("CN-", 1001), "varsel@fjordkraft.example");
    static final SupplierSettings SETTINGS = new SupplierSettings("faktura@fjordkraft.example", "+47 55 12 34 56",
            "Økonomi", "86011117947", null, null, new Kid.Scheme(Kid.Algorithm.MOD11, 5, 6));
    static final CustomerSnapshot CUSTOMER = new CustomerSnapshot(new CustomerNumber("10001"), "Bryggen Bakeri AS",
            "914778271", "post@bryggen.example", new Address("Bryggen 1", "5003", "Bergen", "NO"));
    static final List<Line> LINES = List.of(new Line(1, null, "Consulting", new BigDecimal("3"), "h",
            new BigDecimal("199.90"), null, new BigDecimal("25"), new BigDecimal("599.70")));
    static final Totals TOTALS = new Totals(new BigDecimal("599.70"), new BigDecimal("149.93"), new BigDecimal("749.63"),
            List.of(new VatLine(new BigDecimal("25"), new BigDecimal("599.70"), new BigDecimal("149.93"), new BigDecimal("749.63"))));

    static InvoiceContent content(String language, String locale) {
        return new InvoiceContent(CUSTOMER, List.of(new Contact("Kari", "kari@bryggen.example", null)),
                null, PaymentTerms.of(PaymentTerms.Kind.NET_14), null, "PO-1", "Takk", language, locale, "NOK", LINES, TOTALS);
    }

    @Test
    void shouldTakeNumberDatesAndKidFromTheFinalization_whenBuildingAnInvoice() {
        InvoiceFinalized finalized = new InvoiceFinalized(InvoiceId.random(), TenantId.random(), "INV-1042", 1042,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 15), "NOK", TOTALS, Instant.parse("2027-03-01T09:00:00Z"));

        Document doc = Document.invoice(TENANT, SETTINGS, finalized, content("nb", "nb-NO"), "https://x.example/view/t");

        assertThat(doc.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(doc.draft()).isFalse();
        assertThat(doc.number()).isEqualTo("INV-1042");
        assertThat(doc.issueDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(doc.dueDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(doc.kid()).startsWith("10001001042").hasSize(12);
        assertThat(Kid.isValid(doc.kid(), Kid.Algorithm.MOD11)).isTrue();
        assertThat(doc.supplier().bankAccount()).isEqualTo("86011117947");
        assertThat(doc.supplier().department()).isEqualTo("Økonomi");
        assertThat(doc.language()).isEqualTo(Language.NB);
        assertThat(doc.locale()).isEqualTo(Locale.forLanguageTag("nb-NO"));
        assertThat(doc.invoiceUrl()).isEqualTo("https://x.example/view/t");
    }

    @Test
    void shouldFallBackToEnglishLabelsButKeepTheLocale_whenTheLanguageIsDanish() {
        Document doc = Document.invoiceDraft(TENANT, SETTINGS, content("da", "da-DK"));

        assertThat(doc.draft()).isTrue();
        assertThat(doc.number()).isNull();
        assertThat(doc.kid()).isNull();
        assertThat(doc.language()).isEqualTo(Language.EN);
        assertThat(Formats.of(doc.locale()).amount(doc.totals().grossAmount())).isEqualTo("749,63");
    }

    @Test
    void shouldUseTheTenantsCountry_whenTheContentHasNoLocale() {
        Document doc = Document.invoiceDraft(TENANT, SETTINGS, content(null, null));

        assertThat(doc.language()).isEqualTo(Language.NB);
        assertThat(doc.locale()).isEqualTo(new Locale("nb", "NO"));
    }

    @Test
    void shouldTakeLanguageContactsAndReferenceFromTheCreditedInvoice_whenBuildingACreditNote() {
        CreditNoteIssued issued = new CreditNoteIssued(CreditNoteId.random(), TenantId.random(), "CN-1001", 1001,
                InvoiceId.random(), "INV-1042", LocalDate.of(2027, 3, 20), CUSTOMER, "NOK", LINES, TOTALS,
                "Wrong quantity", Instant.parse("2027-03-20T10:00:00Z"));

        Document doc = Document.creditNote(TENANT, SETTINGS, issued, content("sv", "sv-SE"));

        assertThat(doc.kind()).isEqualTo(DocumentKind.CREDIT_NOTE);
        assertThat(doc.number()).isEqualTo("CN-1001");
        assertThat(doc.creditedInvoiceNumber()).isEqualTo("INV-1042");
        assertThat(doc.comments()).isEqualTo("Wrong quantity");
        assertThat(doc.kid()).isNull();
        assertThat(doc.dueDate()).isNull();
        assertThat(doc.language()).isEqualTo(Language.SV);
        assertThat(doc.contacts()).extracting(Contact::name).containsExactly("Kari");
    }

    @Test
    void shouldBuildAnOrderConfirmation_whenGivenAnOrder() {
        OrderContent order = new OrderContent(CUSTOMER, List.of(), "PO-9", "Deliver Friday", "en", "NOK", LINES, TOTALS);

        Document doc = Document.order(TENANT, SETTINGS, "ORD-17", LocalDate.of(2027, 2, 2), order);

        assertThat(doc.kind()).isEqualTo(DocumentKind.ORDER);
        assertThat(doc.number()).isEqualTo("ORD-17");
        assertThat(doc.locale()).isEqualTo(new Locale("en", "NO"));
    }

    @Test
    void shouldNormaliseAndAccept_whenSupplierSettingsAreValid() {
        SupplierSettings s = new SupplierSettings("a@b.no", "+47 22 00 00 00", "Regnskap", "8601.11.17947",
                "no93 8601 1117 947", "dnbanokk", Kid.Scheme.DEFAULT).validate("NO");

        assertThat(s.bankAccount()).isEqualTo("86011117947");
        assertThat(s.iban()).isEqualTo("NO9386011117947");
        assertThat(s.bic()).isEqualTo("DNBANOKK");
    }

    @Test
    void shouldNameEveryBrokenField_whenSupplierSettingsAreInvalid() {
        DomainException e = catchThrowableOfType(DomainException.class, () -> new SupplierSettings("not-an-email", "x",
                "ok", "86011117948", "NO9386011117948", "DNB", new Kid.Scheme(null, 0, 30)).validate("NO"));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(
                "email", "phone", "bankAccount", "iban", "bic", "kid.algorithm", "kid.sequenceDigits");
    }
}
