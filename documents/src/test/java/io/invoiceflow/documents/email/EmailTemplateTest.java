package io.invoiceflow.documents.email;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.documents.Supplier;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.shared.CustomerSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class EmailTemplateTest {

    private static Document withSupplierAndCustomer(Document d, String supplierName, String customerName) {
        Supplier s = d.supplier();
        CustomerSnapshot c = d.customer();
        return new Document(d.kind(), d.draft(), d.number(), d.issueDate(), d.dueDate(),
                new Supplier(supplierName, s.organisationNumber(), s.address(), s.email(), s.phone(), s.department(),
                        s.bankAccount(), s.iban(), s.bic()),
                new CustomerSnapshot(c.customerNumber(), customerName, c.organisationNumber(), c.email(), c.billingAddress()),
                d.contacts(), d.poNumber(), d.comments(), d.lines(), d.totals(), d.currency(), d.language(), d.locale(),
                d.kid(), d.creditedInvoiceNumber(), d.invoiceUrl());
    }

    @Test
    void shouldRefuseWithThePosition_whenAFieldIsUnknown() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> new EmailTemplate("Faktura {Nummer}", "Hei {Customer.Name}, {Foo.Bar}").validate());

        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule, FieldViolation::message)
                .containsExactly(
                        tuple("subject", "merge-field", "subject: unknown merge field {Nummer} at position 9"),
                        tuple("body", "merge-field", "body: unknown merge field {Foo.Bar} at position 22"));
    }

    @Test
    void shouldRefuseWithThePosition_whenBracesAreMalformed() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> new EmailTemplate("Faktura {Number", "Beløp } {Total {Currency}").validate());

        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule, FieldViolation::message)
                .containsExactly(
                        tuple("subject", "merge-field-syntax", "subject: '{' at position 9 is not closed (write {{ for a literal brace)"),
                        tuple("body", "merge-field-syntax", "body: '}' at position 7 closes no merge field (write }} for a literal brace)"),
                        tuple("body", "merge-field-syntax", "body: '{' at position 9 is not closed (write {{ for a literal brace)"));
    }

    @Test
    void shouldRefuse_whenTheSubjectHasALineBreakOrTheTextsAreEmpty() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> new EmailTemplate("Faktura\r\nBcc: x@evil.example", " ").validate());

        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(tuple("subject", "single-line"), tuple("body", "required"));
    }

    @Test
    void shouldAcceptEveryFieldAndLiteralBraces_whenValid() {
        StringBuilder all = new StringBuilder("{{literal}} ");
        EmailTexts.fields().forEach(f -> all.append(f.placeholder()).append(' '));

        new EmailTemplate("{Number} {{x}}", all.toString()).validate();

        assertThat(EmailRenderer.render(new EmailTemplate("{{Number}} {Number}", "a {{b}} c"),
                SampleDocuments.of(DocumentKind.INVOICE, Language.NB)))
                .satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("{Number} INV-1001");
                    assertThat(m.textBody()).isEqualTo("a {b} c\n");
                });
    }

    @Test
    void shouldListEveryFieldWithADescription_whenAskedForTheFields() {
        assertThat(EmailTexts.fields()).extracting(EmailTexts.FieldInfo::placeholder)
                .contains("{Number}", "{DueDate}", "{InvoiceDate}", "{Total}", "{Currency}", "{Supplier.Name}",
                        "{Supplier.Email}", "{Supplier.Department}", "{Customer.Name}", "{Customer.Number}", "{Kid}",
                        "{InvoiceUrl}", "{PoNumber}");
        assertThat(EmailTexts.fields()).allSatisfy(f -> assertThat(f.description()).isNotBlank());
    }

    @Test
    void shouldNeverLetAValueStartAHeaderLine_whenMergingTheSubject() {
        Document doc = withSupplierAndCustomer(SampleDocuments.of(DocumentKind.INVOICE, Language.EN),
                "Evil AS\r\nBcc: victim@example.com\u0085\u2028\tX", "Kunde");

        RenderedEmail mail = EmailRenderer.render(new EmailTemplate("Invoice from {Supplier.Name}", "x"), doc);

        assertThat(mail.subject()).isEqualTo("Invoice from Evil AS Bcc: victim@example.com X")
                .doesNotContain("\r", "\n", "\t", "\u0085", "\u2028");
    }

    @Test
    void shouldEscapeValuesInHtmlAndKeepThemPlainInText_whenMergingTheBody() {
        Document doc = withSupplierAndCustomer(SampleDocuments.of(DocumentKind.INVOICE, Language.EN),
                "<b>Acme</b> & \"Sons\"", "<script>alert('x')</script>");

        RenderedEmail mail = EmailRenderer.render(new EmailTemplate("s", "Hello {Customer.Name}\nFrom {Supplier.Name} <3"), doc);

        assertThat(mail.textBody()).isEqualTo("Hello <script>alert('x')</script>\nFrom <b>Acme</b> & \"Sons\" <3\n");
        assertThat(mail.htmlBody()).contains("Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\n"
                        + "From &lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Sons&quot; &lt;3")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void shouldLocalizeDatesAndAmounts_whenMergingForEachLanguage() {
        EmailTemplate t = new EmailTemplate("{Total} {Currency}", "{DueDate} {InvoiceDate} {Total}");

        assertThat(EmailRenderer.render(t, SampleDocuments.of(DocumentKind.INVOICE, Language.NB)).textBody())
                .isEqualTo("19.01.2027 05.01.2027 4\u00A0668,88\n");
        assertThat(EmailRenderer.render(t, SampleDocuments.of(DocumentKind.INVOICE, Language.SV)).textBody())
                .isEqualTo("2027-01-19 2027-01-05 4\u00A0668,88\n");
        assertThat(EmailRenderer.render(t, SampleDocuments.of(DocumentKind.INVOICE, Language.EN)).subject())
                .isEqualTo("4,668.88 NOK");
    }

    @Test
    void shouldWriteP5TextsInTheRecipientsLanguage_whenUsingTheBuiltInInvoiceText() {
        RenderedEmail nb = EmailRenderer.render(EmailTexts.builtIn(DocumentKind.INVOICE, Language.NB),
                SampleDocuments.of(DocumentKind.INVOICE, Language.NB));
        RenderedEmail sv = EmailRenderer.render(EmailTexts.builtIn(DocumentKind.INVOICE, Language.SV),
                SampleDocuments.of(DocumentKind.INVOICE, Language.SV));
        RenderedEmail en = EmailRenderer.render(EmailTexts.builtIn(DocumentKind.INVOICE, Language.EN),
                SampleDocuments.of(DocumentKind.INVOICE, Language.EN));

        assertThat(nb.subject()).isEqualTo("PDF-faktura fra Fjordkraft Regnskap AS");
        assertThat(sv.subject()).isEqualTo("PDF-faktura från Fjordkraft Regnskap AS");
        assertThat(en.subject()).isEqualTo("PDF invoice from Fjordkraft Regnskap AS");
        assertThat(en.textBody()).contains("Invoice number: INV-1001", "Invoiced amount: 4,668.88 NOK",
                "Due date: 19 Jan 2027", "faktura@fjordkraft.example", "Fjordkraft Regnskap AS\nØkonomiavdelingen",
                "https://invoiceflow.example/view/sample");
        assertThat(nb.htmlBody()).contains("<a href=\"https://invoiceflow.example/view/sample\">", "<html lang=\"nb\">");
    }

    @Test
    void shouldLeaveOutLinesWhoseFieldsAreEmpty_whenTheDocumentHasNoKid() {
        RenderedEmail mail = EmailRenderer.render(EmailTexts.builtIn(DocumentKind.CREDIT_NOTE, Language.NB),
                SampleDocuments.of(DocumentKind.CREDIT_NOTE, Language.NB));
        RenderedEmail noKid = EmailRenderer.render(new EmailTemplate("s", "A\nKID: {Kid}\nB"),
                SampleDocuments.of(DocumentKind.CREDIT_NOTE, Language.NB));

        assertThat(mail.textBody()).contains("Kreditnotanummer: CN-1001", "Krediterer faktura: INV-1001");
        assertThat(noKid.textBody()).isEqualTo("A\nB\n");
    }

    @Test
    void shouldChooseCustomerLanguageThenTenantDefaultThenBuiltIn_whenSelecting() {
        EmailTemplate sv = new EmailTemplate("sv {Number}", "sv");
        EmailTemplate nb = new EmailTemplate("nb {Number}", "nb");

        assertThat(EmailTexts.select(DocumentKind.INVOICE, "sv", "nb", Map.of("sv", sv, "nb", nb)))
                .isEqualTo(new EmailTexts.Selection(sv, Language.SV, EmailTexts.Source.CUSTOMER_LANGUAGE));
        assertThat(EmailTexts.select(DocumentKind.INVOICE, "en", "nb", Map.of("sv", sv, "nb", nb)))
                .isEqualTo(new EmailTexts.Selection(nb, Language.NB, EmailTexts.Source.TENANT_DEFAULT_LANGUAGE));
        assertThat(EmailTexts.select(DocumentKind.INVOICE, "sv", "nb", Map.of()))
                .isEqualTo(new EmailTexts.Selection(EmailTexts.builtIn(DocumentKind.INVOICE, Language.SV), Language.SV,
                        EmailTexts.Source.BUILT_IN));
        assertThat(EmailTexts.select(DocumentKind.INVOICE, "da", "nb", Map.of()).language()).isEqualTo(Language.NB);
        assertThat(EmailTexts.select(DocumentKind.INVOICE, null, "fi", Map.of()).language()).isEqualTo(Language.EN);
    }

    @Test
    void shouldTakeTheBokmaalTemplateForNorwegian_andTheNorwegianOneForBokmaal_whenSelecting() {
        EmailTemplate nb = new EmailTemplate("nb {Number}", "nb");
        EmailTemplate no = new EmailTemplate("no {Number}", "no");
        EmailTemplate en = new EmailTemplate("en {Number}", "en");

        assertThat(EmailTexts.select(DocumentKind.INVOICE, "no", "en", Map.of("nb", nb, "en", en)))
                .isEqualTo(new EmailTexts.Selection(nb, Language.NB, EmailTexts.Source.CUSTOMER_LANGUAGE));
        assertThat(EmailTexts.select(DocumentKind.INVOICE, "nb", "en", Map.of("no", no, "en", en)))
                .isEqualTo(new EmailTexts.Selection(no, Language.NB, EmailTexts.Source.CUSTOMER_LANGUAGE));
        assertThat(EmailTexts.select(DocumentKind.INVOICE, "nb", "en", Map.of("nb", nb, "no", no)).template())
                .as("an exact match first").isEqualTo(nb);
        assertThat(EmailTexts.select(DocumentKind.INVOICE, "nn", "en", Map.of("nb", nb, "en", en)).template())
                .as("Nynorsk is a written form of its own").isEqualTo(en);
    }

    @Test
    void shouldBeValid_whenUsingAnyBuiltInText() {
        for (DocumentKind kind : DocumentKind.values()) {
            for (Language language : Language.values()) {
                EmailTexts.builtIn(kind, language).validate();
            }
        }
    }
}
