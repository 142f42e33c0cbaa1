package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.ChangeInvoiceDraft;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.InvoiceDraftChanged;
import io.invoiceflow.events.invoice.InvoiceDraftDeleted;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static io.invoiceflow.commands.shared.NorwegianSamples.BAKERY;
import static io.invoiceflow.commands.shared.NorwegianSamples.CARPENTER;
import static io.invoiceflow.commands.shared.NorwegianSamples.CONSULTING;
import static io.invoiceflow.commands.shared.NorwegianSamples.KARI;
import static io.invoiceflow.commands.shared.NorwegianSamples.TECH;
import static io.invoiceflow.commands.shared.NorwegianSamples.catalogue;
import static io.invoiceflow.commands.shared.NorwegianSamples.custom;
import static org.assertj.core.api.Assertions.assertThat;

/** H1, H3, H4, H5, H6, H9: drafting an invoice, its defaults and its validation (Axon aggregate fixture). */
class InvoiceDraftTest extends AggregateTestBase<Invoice> {
    private final InvoiceId invoiceId = InvoiceId.random();

    InvoiceDraftTest() {
        super(Invoice.class);
    }

    // ---- create

    @Test
    void shouldDraftInvoiceWithCustomerSnapshotContactsLanguageLocaleAndTotals_whenCreateInvoice() {
        // given a tenant (nb, NOK) and the bakery (invoice language nb, contact Kari)
        fixture.givenNoPriorActivity()
                // when 3 hours consulting at 199.90, 25 %, NET_14, no contacts, language or locale given
                .when(new CreateInvoice(invoiceId, tenant, TestTenants.draft()))
                // then the customer is copied, Kari is the recipient, nb / nb-NO, no dates yet,
                // net 599.70, VAT 149.93 (599.70 x 0.25 = 149.925 -> half up), gross 749.63
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InvoiceDrafted(invoiceId, tenant, InvoiceOrigin.scratch(),
                        InvoiceSamples.draftContent()));
    }

    @Test
    void shouldTakeLanguageFromCustomerAndContactFromCustomerEmail_whenCustomerHasLanguageButNoContacts() {
        // given Tromsø Tech: invoice language en, no contacts, email ap@tromso-tech.example
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draftFor(TECH)))
                // then
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().language()).isEqualTo("en");
                    assertThat(e.content().locale()).isEqualTo("en-NO");
                    assertThat(e.content().contacts())
                            .containsExactly(new Contact("Tromsø Tech AS", "ap@tromso-tech.example", null));
                }));
    }

    @Test
    void shouldTakeTenantLanguageAndLeaveContactsEmpty_whenCustomerHasNeitherLanguageNorContactsNorEmail() {
        // given Hansen Snekkeri: no language, no contacts, no email
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draftFor(CARPENTER)))
                // then the tenant's nb applies; the draft is saved without a recipient (finalization will refuse it)
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().language()).isEqualTo("nb");
                    assertThat(e.content().locale()).isEqualTo("nb-NO");
                    assertThat(e.content().contacts()).isEmpty();
                    assertThat(e.content().customer().name()).isEqualTo("Hansen Snekkeri");
                }));
    }

    @Test
    void shouldKeepWhatTheClientWrote_whenContactsLanguageAndLocaleAreGiven() {
        // given
        Contact ola = new Contact("Ola Nordmann", "ola@bryggen.example", "+47 55 00 00 00");
        InvoiceDraft draft = new InvoiceDraft(BAKERY, List.of(ola), null, null, null, "Takk for handelen!", "sv",
                "nn-NO", List.of(custom("Kake", "1", "350.00", "15")));
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draft))
                // then; omitted payment terms are due on receipt
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().contacts()).containsExactly(ola);
                    assertThat(e.content().language()).isEqualTo("sv");
                    assertThat(e.content().locale()).isEqualTo("nn-NO");
                    assertThat(e.content().comments()).isEqualTo("Takk for handelen!");
                    assertThat(e.content().paymentTerms()).isEqualTo(PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT));
                }));
    }

    @Test
    void shouldDeriveLocaleFromGivenLanguage_whenOnlyLanguageIsGiven() {
        // given the bakery (nb) but a draft in English
        InvoiceDraft draft = new InvoiceDraft(BAKERY, null, null, null, null, null, "en", null, List.of());
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draft))
                // then
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().language()).isEqualTo("en");
                    assertThat(e.content().locale()).isEqualTo("en-NO");
                    assertThat(e.content().contacts()).containsExactly(KARI);
                }));
    }

    @Test
    void shouldComputeDueDateOnTheDraft_whenInvoiceDateIsGiven() {
        // given invoice date 2 March 2026, NET_30
        InvoiceDraft draft = new InvoiceDraft(BAKERY, null, LocalDate.of(2026, 3, 2),
                PaymentTerms.of(PaymentTerms.Kind.NET_30), null, null, null, null, List.of());
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draft))
                // then 2 March + 30 days = 1 April
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().invoiceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
                    assertThat(e.content().dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
                }));
    }

    @Test
    void shouldRefuseWithUnknownReference_whenCustomerDoesNotExist() {
        // given no customer 99999
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draftFor(new CustomerNumber("99999"))))
                // then
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE).withViolation("customerNumber", "exists"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithUnknownReference_whenCustomerBelongsToAnotherTenant() {
        // given another tenant with its own customer 40004
        TenantId other = TenantId.random();
        db.tenant(other, NorwegianSamples.profile()).customer(other, new CustomerNumber("40004"), NorwegianSamples.bakery());
        fixture.givenNoPriorActivity()
                // when our tenant names it
                .when(new CreateInvoice(invoiceId, tenant, draftFor(new CustomerNumber("40004"))))
                // then
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE).withViolation("customerNumber", "exists"));
    }

    @Test
    void shouldRefuseWithInvalidInput_whenCustomerNumberIsMissing() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateInvoice(invoiceId, tenant, draftFor(null)))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("customerNumber", "required"));
    }

    @Test
    void shouldRefuseWithNotFound_whenTenantDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateInvoice(invoiceId, TenantId.random(), TestTenants.draft()))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldRefuseWithInvalidInput_whenRequestBodyIsMissing() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("$", "required"));
    }

    // ---- catalogue lines

    @Test
    void shouldTakeDescriptionUnitPriceAndVatFromProduct_whenLineNamesAProductCode() {
        // given Konsulenttime, timer, 1 250.00, 25 %
        InvoiceDraft draft = draftFor(BAKERY, List.of(catalogue(CONSULTING, "2"),
                new LineInput(CONSULTING, "Rådgivning, kveld", new BigDecimal("1.5"), null, new BigDecimal("1100.00"),
                        null, null)));
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draft))
                // then line 1: all from the product, 2 x 1 250.00 = 2 500.00
                //      line 2: own description and price, unit and rate from the product, 1.5 x 1 100.00 = 1 650.00
                //      25 %: net 4 150.00, VAT 1 037.50, gross 5 187.50
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().lines()).containsExactly(
                            new Line(1, CONSULTING, "Konsulenttime", new BigDecimal("2"), "timer",
                                    new BigDecimal("1250.00"), null, new BigDecimal("25"), new BigDecimal("2500.00")),
                            new Line(2, CONSULTING, "Rådgivning, kveld", new BigDecimal("1.5"), "timer",
                                    new BigDecimal("1100.00"), null, new BigDecimal("25"), new BigDecimal("1650.00")));
                    assertThat(e.content().totals().netAmount()).isEqualByComparingTo("4150.00");
                    assertThat(e.content().totals().vatAmount()).isEqualByComparingTo("1037.50");
                    assertThat(e.content().totals().grossAmount()).isEqualByComparingTo("5187.50");
                }));
    }

    @Test
    void shouldRefuseWithUnknownReference_whenProductIsNotInCatalogue() {
        // given no product NOPE
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draftFor(BAKERY,
                        List.of(catalogue(new ProductCode("NOPE"), "1")))))
                // then
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE)
                        .withViolation("lines[0].productCode", "exists"));
    }

    @Test
    void shouldReportTheLineIndex_whenSecondLineNamesAnUnknownProduct() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateInvoice(invoiceId, tenant, draftFor(BAKERY,
                        List.of(catalogue(CONSULTING, "1"), catalogue(new ProductCode("NOPE"), "1")))))
                // then
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE)
                        .withViolation("lines[1].productCode", "exists"));
    }

    // ---- line rules

    static Stream<Arguments> brokenLines() {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal price = new BigDecimal("199.90");
        BigDecimal rate = new BigDecimal("25");
        return Stream.of(
                Arguments.of("missing description", new LineInput(null, null, one, null, price, null, rate),
                        "lines[0].description", "required"),
                Arguments.of("blank description", new LineInput(null, "  ", one, null, price, null, rate),
                        "lines[0].description", "required"),
                Arguments.of("missing unit price", new LineInput(null, "Kake", one, null, null, null, rate),
                        "lines[0].unitPrice", "required"),
                Arguments.of("negative unit price", new LineInput(null, "Kake", one, null, new BigDecimal("-1"), null, rate),
                        "lines[0].unitPrice", "min"),
                Arguments.of("unit price with 5 decimals", new LineInput(null, "Kake", one, null, new BigDecimal("1.00001"), null, rate),
                        "lines[0].unitPrice", "max-decimals"),
                Arguments.of("missing quantity", new LineInput(null, "Kake", null, null, price, null, rate),
                        "lines[0].quantity", "required"),
                Arguments.of("negative quantity", new LineInput(null, "Kake", new BigDecimal("-2"), null, price, null, rate),
                        "lines[0].quantity", "positive"),
                Arguments.of("zero quantity", new LineInput(null, "Kake", BigDecimal.ZERO, null, price, null, rate),
                        "lines[0].quantity", "positive"),
                Arguments.of("quantity with 5 decimals", new LineInput(null, "Kake", new BigDecimal("1.23456"), null, price, null, rate),
                        "lines[0].quantity", "max-decimals"),
                Arguments.of("missing VAT rate", new LineInput(null, "Kake", one, null, price, null, null),
                        "lines[0].vatRate", "required"),
                Arguments.of("VAT rate 10 (not Norwegian)", new LineInput(null, "Kake", one, null, price, null, BigDecimal.TEN),
                        "lines[0].vatRate", "one-of"),
                Arguments.of("VAT rate 6 (Swedish only)", new LineInput(null, "Kake", one, null, price, null, new BigDecimal("6")),
                        "lines[0].vatRate", "one-of"),
                Arguments.of("percent discount over 100", new LineInput(null, "Kake", one, null, price,
                        new Discount(Discount.Type.PERCENT, new BigDecimal("100.01")), rate), "lines[0].discount.value", "max"),
                Arguments.of("percent discount with 3 decimals", new LineInput(null, "Kake", one, null, price,
                        new Discount(Discount.Type.PERCENT, new BigDecimal("12.125")), rate), "lines[0].discount.value", "max-decimals"),
                Arguments.of("amount discount above unit price", new LineInput(null, "Kake", one, null, price,
                        new Discount(Discount.Type.AMOUNT, new BigDecimal("199.91")), rate), "lines[0].discount.value", "max"),
                Arguments.of("negative discount", new LineInput(null, "Kake", one, null, price,
                        new Discount(Discount.Type.AMOUNT, new BigDecimal("-5")), rate), "lines[0].discount.value", "min"),
                Arguments.of("discount without type", new LineInput(null, "Kake", one, null, price,
                        new Discount(null, new BigDecimal("5")), rate), "lines[0].discount.type", "required"),
                Arguments.of("discount without value", new LineInput(null, "Kake", one, null, price,
                        new Discount(Discount.Type.PERCENT, null), rate), "lines[0].discount.value", "required"),
                Arguments.of("unit longer than 20", new LineInput(null, "Kake", one, "x".repeat(21), price, null, rate),
                        "lines[0].unit", "max-length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLines")
    void shouldRefuseWithInvalidInputOnTheLineField_whenALineRuleIsBroken(String rule, LineInput line, String field,
                                                                           String ruleName) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateInvoice(invoiceId, tenant, draftFor(BAKERY, List.of(line))))
                // then exactly that one violation
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation(field, ruleName).andNoOtherViolation())
                .expectNoEvents();
    }

    @Test
    void shouldAcceptBoundaryValues_whenDiscountIsExactlyUnitPriceOrHundredPercentAndQuantityHasFourDecimals() {
        // given
        BigDecimal price = new BigDecimal("199.90");
        List<LineInput> lines = List.of(
                new LineInput(null, "Gratis prøve", BigDecimal.ONE, null, price,
                        new Discount(Discount.Type.AMOUNT, price), new BigDecimal("25")),
                new LineInput(null, "Gave", BigDecimal.ONE, null, price,
                        new Discount(Discount.Type.PERCENT, new BigDecimal("100")), new BigDecimal("15")),
                new LineInput(null, "Timer", new BigDecimal("0.0001"), null, new BigDecimal("10000"), null,
                        new BigDecimal("12.00")));
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draftFor(BAKERY, lines)))
                // then 1 x (199.90 - 199.90) = 0.00; 1 x 0 = 0.00; 0.0001 x 10 000 = 1.00; the rate 12.00 is stored as 12
                .expectEventsMatching(onlyEvent(InvoiceDrafted.class, e -> {
                    assertThat(e.content().lines()).extracting(l -> l.netAmount().toPlainString())
                            .containsExactly("0.00", "0.00", "1.00");
                    assertThat(e.content().lines().get(2).vatRate().toPlainString()).isEqualTo("12");
                }));
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnce_whenSeveralFieldsAreInvalid() {
        // given a draft with five problems
        InvoiceDraft draft = new InvoiceDraft(BAKERY, List.of(new Contact("Kari", "not-an-email", null)),
                LocalDate.of(1999, 12, 31), new PaymentTerms(PaymentTerms.Kind.CUSTOM, 400), "P".repeat(101), null,
                "xx", "nb", List.of(
                new LineInput(null, null, BigDecimal.ONE, null, new BigDecimal("100.00"), null, new BigDecimal("25")),
                new LineInput(null, "Kake", BigDecimal.ONE, null, new BigDecimal("100.00"), null, BigDecimal.TEN),
                new LineInput(null, "Brød", BigDecimal.ZERO, null, new BigDecimal("45.00"), null, new BigDecimal("15"))));
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateInvoice(invoiceId, tenant, draft))
                // then all of them, each with its JSON path
                .expectException(domainError(ErrorCode.INVALID_INPUT)
                        .withViolation("contacts[0].email", "email")
                        .withViolation("invoiceDate", "min")
                        .withViolation("paymentTerms.days", "range")
                        .withViolation("poNumber", "max-length")
                        .withViolation("language", "iso-639-1")
                        .withViolation("locale", "bcp-47")
                        .withViolation("lines[0].description", "required")
                        .withViolation("lines[1].vatRate", "one-of")
                        .withViolation("lines[2].quantity", "positive")
                        .andNoOtherViolation());
    }

    // ---- change and delete

    @Test
    void shouldReplaceTheContent_whenDraftIsChanged() {
        // given a draft
        InvoiceDraft changed = new InvoiceDraft(BAKERY, null, null, PaymentTerms.of(PaymentTerms.Kind.NET_30), "PO-78",
                "Levert 12. mars", null, null, List.of(custom("Consulting", "4", "199.90", "25")));
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()))
                // when
                .when(new ChangeInvoiceDraft(invoiceId, tenant, changed, null))
                // then 4 x 199.90 = 799.60; VAT 199.90; gross 999.50
                .expectEventsMatching(onlyEvent(InvoiceDraftChanged.class, e -> {
                    InvoiceContent c = e.content();
                    assertThat(e.invoiceId()).isEqualTo(invoiceId);
                    assertThat(c.poNumber()).isEqualTo("PO-78");
                    assertThat(c.comments()).isEqualTo("Levert 12. mars");
                    assertThat(c.paymentTerms().kind()).isEqualTo(PaymentTerms.Kind.NET_30);
                    assertThat(c.totals().netAmount()).isEqualByComparingTo("799.60");
                    assertThat(c.totals().vatAmount()).isEqualByComparingTo("199.90");
                    assertThat(c.totals().grossAmount()).isEqualByComparingTo("999.50");
                }));
    }

    @Test
    void shouldChange_whenExpectedVersionIsCurrent() {
        // given a draft: one event, version 0
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()))
                // when
                .when(new ChangeInvoiceDraft(invoiceId, tenant, TestTenants.draft(), 0L))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(InvoiceDraftChanged.class, e -> { }));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenExpectedVersionIsOutdated() {
        // given a draft changed once: version 1
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()),
                        new InvoiceDraftChanged(invoiceId, tenant, InvoiceSamples.draftContent()))
                // when the client saw version 0
                .when(new ChangeInvoiceDraft(invoiceId, tenant, TestTenants.draft(), 0L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION))
                .expectNoEvents();
    }

    @Test
    void shouldValidateTheNewContent_whenDraftIsChanged() {
        // given / when
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()))
                .when(new ChangeInvoiceDraft(invoiceId, tenant,
                        draftFor(BAKERY, List.of(custom("Kake", "1", "100", "10"))), null))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("lines[0].vatRate", "one-of"));
    }

    @Test
    void shouldDeleteAndMarkDeleted_whenDraftIsDeleted() {
        // given / when
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()))
                .when(new DeleteInvoiceDraft(invoiceId, tenant, null))
                // then
                .expectEvents(new InvoiceDraftDeleted(invoiceId, tenant))
                .expectMarkedDeleted();
    }

    @Test
    void shouldRefuseWithStaleVersion_whenDeletingAnOutdatedVersion() {
        // given / when
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()))
                .when(new DeleteInvoiceDraft(invoiceId, tenant, 7L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }

    @Test
    void shouldNotFindTheInvoice_whenADeletedDraftIsChanged() {
        // given a deleted draft
        fixture.given(InvoiceSamples.drafted(invoiceId, tenant, InvoiceSamples.draftContent()),
                        new InvoiceDraftDeleted(invoiceId, tenant))
                // when
                .when(new ChangeInvoiceDraft(invoiceId, tenant, TestTenants.draft(), null))
                // then Axon's AggregateDeletedException, which WriteSide maps to NOT_FOUND
                .expectException(AggregateNotFoundException.class);
    }

    // ---- helpers

    private static InvoiceDraft draftFor(CustomerNumber customer) {
        return draftFor(customer, TestTenants.draft().lines());
    }

    private static InvoiceDraft draftFor(CustomerNumber customer, List<LineInput> lines) {
        return new InvoiceDraft(customer, null, null, PaymentTerms.of(PaymentTerms.Kind.NET_14), null, null, null,
                null, lines);
    }
}
