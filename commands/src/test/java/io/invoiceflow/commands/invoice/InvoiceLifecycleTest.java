package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.commands.shared.FixtureSupport;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.ChangeInvoiceDraft;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceCredited;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.InvoiceVoided;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.invoiceflow.commands.invoice.InvoiceSamples.consultingTotals;
import static io.invoiceflow.commands.invoice.InvoiceSamples.draftContent;
import static io.invoiceflow.commands.invoice.InvoiceSamples.drafted;
import static io.invoiceflow.commands.invoice.InvoiceSamples.finalized;
import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.NOW;
import static io.invoiceflow.commands.shared.FixtureSupport.OSLO_TODAY;
import static io.invoiceflow.commands.shared.FixtureSupport.UTC_TODAY;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2, H4, H10, H12 and S1 on one invoice: finalization and numbering, payment, voiding, state
 * rules, optimistic concurrency, tenant isolation (Axon aggregate fixture on a real H2 directory,
 * clock fixed at 23:30 UTC on 14 March 2026 = 00:30 on 15 March in Oslo).
 */
class InvoiceLifecycleTest extends AggregateTestBase<Invoice> {
    private final InvoiceId invoiceId = InvoiceId.random();

    InvoiceLifecycleTest() {
        super(Invoice.class);
    }

    // ---- finalization

    @Test
    void shouldAssignFirstNumberAndOsloDateAndDueDate_whenDraftIsFinalizedLateEveningUtc() {
        // given a NET_14 draft without invoice date; it is 23:30 UTC on the 14th, 00:30 on the 15th in Oslo
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then INV-1001, dated 15 March (Oslo, not the UTC date 14 March), due 15 + 14 = 29 March
                .expectEvents(finalized(invoiceId, tenant, "INV-1001", 1001, OSLO_TODAY,
                        LocalDate.of(2026, 3, 29), consultingTotals(), NOW));
        assertThat(OSLO_TODAY).isNotEqualTo(UTC_TODAY);
    }

    @Test
    void shouldUseSummerTimeOffset_whenFinalizedLateEveningUtcInJune() {
        // given 22:30 UTC on 30 June 2026: in Oslo (CEST, UTC+2) it is 00:30 on 1 July
        Clock summer = Clock.fixed(Instant.parse("2026-06-30T22:30:00Z"), ZoneOffset.UTC);
        FixtureSupport.fixture(Invoice.class, db, summer)
                .given(drafted(invoiceId, tenant, draftContent()))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then dated 1 July, due 15 July
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> {
                    assertThat(e.invoiceDate()).isEqualTo(LocalDate.of(2026, 7, 1));
                    assertThat(e.dueDate()).isEqualTo(LocalDate.of(2026, 7, 15));
                }));
    }

    @Test
    void shouldKeepTheOsloDate_whenFinalizedJustBeforeOsloMidnightInJune() {
        // given 21:59 UTC on 30 June 2026 = 23:59 in Oslo: still 30 June
        Clock summer = Clock.fixed(Instant.parse("2026-06-30T21:59:00Z"), ZoneOffset.UTC);
        FixtureSupport.fixture(Invoice.class, db, summer)
                .given(drafted(invoiceId, tenant, draftContent()))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class,
                        e -> assertThat(e.invoiceDate()).isEqualTo(LocalDate.of(2026, 6, 30))));
    }

    @Test
    void shouldNumberGapFreeInOrder_whenTwoInvoicesAreFinalized() {
        // given two drafts of the same tenant
        InvoiceId second = InvoiceId.random();
        AggregateTestFixture<Invoice> other = FixtureSupport.fixture(Invoice.class, db);
        // when the first is finalized, then the second
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then INV-1001, then INV-1002
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> {
                    assertThat(e.number()).isEqualTo("INV-1001");
                    assertThat(e.sequence()).isEqualTo(1001);
                }));
        other.given(drafted(second, tenant, draftContent()))
                .when(new FinalizeInvoice(second, tenant, null))
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> {
                    assertThat(e.number()).isEqualTo("INV-1002");
                    assertThat(e.sequence()).isEqualTo(1002);
                }));
    }

    @Test
    void shouldNumberEachTenantFromItsOwnSeries_whenTwoTenantsFinalize() {
        // given another tenant with the prefix F2026- starting at 1
        TenantId other = TenantId.random();
        var p = NorwegianSamples.profile();
        db.tenant(other, new io.invoiceflow.events.tenant.TenantProfile(p.name(), p.organisationNumber(), p.address(),
                p.currency(), p.timeZone(), p.defaultLanguage(), new io.invoiceflow.events.tenant.NumberSeries("F2026-", 1),
                p.creditNoteNumbers(), p.notificationEmail()));
        InvoiceId theirs = InvoiceId.random();
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> assertThat(e.number()).isEqualTo("INV-1001")));
        // when / then
        FixtureSupport.fixture(Invoice.class, db)
                .given(drafted(theirs, other, draftContent()))
                .when(new FinalizeInvoice(theirs, other, null))
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> assertThat(e.number()).isEqualTo("F2026-1")));
    }

    @Test
    void shouldKeepTheDraftsInvoiceDateAndCountCustomDays_whenDraftHasAnInvoiceDate() {
        // given invoice date 2 March, CUSTOM 20 days
        InvoiceContent content = InvoiceSamples.withDateAndTerms(draftContent(), LocalDate.of(2026, 3, 2),
                new PaymentTerms(PaymentTerms.Kind.CUSTOM, 20));
        fixture.given(drafted(invoiceId, tenant, content))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then 2 March + 20 days = 22 March
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> {
                    assertThat(e.invoiceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
                    assertThat(e.dueDate()).isEqualTo(LocalDate.of(2026, 3, 22));
                }));
    }

    @Test
    void shouldBeDueOnTheInvoiceDate_whenTermsAreDueOnReceipt() {
        // given
        InvoiceContent content = InvoiceSamples.withDateAndTerms(draftContent(), null,
                PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT));
        fixture.given(drafted(invoiceId, tenant, content))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> {
                    assertThat(e.invoiceDate()).isEqualTo(OSLO_TODAY);
                    assertThat(e.dueDate()).isEqualTo(OSLO_TODAY);
                }));
    }

    @Test
    void shouldRefuseAsIncomplete_whenDraftHasNoLines() {
        // given
        fixture.given(drafted(invoiceId, tenant,
                        InvoiceSamples.withLines(draftContent(), List.of(), InvoiceSamples.zeroTotals())))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.INCOMPLETE_INVOICE).withViolation("lines", "min-items")
                        .andNoOtherViolation())
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAsIncomplete_whenDraftHasNoContacts() {
        // given
        fixture.given(drafted(invoiceId, tenant, InvoiceSamples.withContacts(draftContent(), List.of())))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.INCOMPLETE_INVOICE).withViolation("contacts", "min-items")
                        .andNoOtherViolation());
    }

    @Test
    void shouldReportBothGaps_whenDraftHasNeitherLinesNorContacts() {
        // given
        InvoiceContent empty = InvoiceSamples.withContacts(
                InvoiceSamples.withLines(draftContent(), List.of(), InvoiceSamples.zeroTotals()), List.of());
        fixture.given(drafted(invoiceId, tenant, empty))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.INCOMPLETE_INVOICE).withViolation("lines", "min-items")
                        .withViolation("contacts", "min-items").andNoOtherViolation());
    }

    @Test
    void shouldNotUseUpANumber_whenFinalizationIsRefused() {
        // given a refused finalization of an empty draft
        fixture.given(drafted(invoiceId, tenant, InvoiceSamples.withContacts(draftContent(), List.of())))
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                .expectException(domainError(ErrorCode.INCOMPLETE_INVOICE));
        // when a complete draft is finalized
        InvoiceId next = InvoiceId.random();
        FixtureSupport.fixture(Invoice.class, db)
                .given(drafted(next, tenant, draftContent()))
                .when(new FinalizeInvoice(next, tenant, null))
                // then it still gets the first number
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> assertThat(e.number()).isEqualTo("INV-1001")));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenFinalizingAnOutdatedVersion() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, 3L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }

    @Test
    void shouldFinalize_whenExpectedVersionIsCurrent() {
        // given version 0
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, 0L))
                // then
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> assertThat(e.number()).isEqualTo("INV-1001")));
    }

    // ---- H10: final means final

    @Test
    void shouldRefuseChange_whenInvoiceIsFinalized() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                // when
                .when(new ChangeInvoiceDraft(invoiceId, tenant, TestTenants.draft(), null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseDelete_whenInvoiceIsFinalized() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                // when
                .when(new DeleteInvoiceDraft(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseSecondFinalization_whenInvoiceIsFinalized() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefuseChange_whenInvoiceIsPaid() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent(), paidEvent())
                // when
                .when(new ChangeInvoiceDraft(invoiceId, tenant, TestTenants.draft(), null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    // ---- payment

    @Test
    void shouldBePaidTodayInOsloForTheGrossAmount_whenNoPaymentDateIsGiven() {
        // given a final invoice of 749.63
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                // when
                .when(new MarkInvoicePaid(invoiceId, tenant, null))
                // then paid on 15 March (Oslo) for the gross amount
                .expectEvents(new InvoicePaid(invoiceId, tenant, OSLO_TODAY, new BigDecimal("749.63"), "NOK"));
    }

    @Test
    void shouldAcceptTodayInOslo_whenPaymentDateIsAfterTheUtcDate() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                // when paid on the 15th, which is already today in Oslo although UTC is still on the 14th
                .when(new MarkInvoicePaid(invoiceId, tenant, OSLO_TODAY))
                // then
                .expectEventsMatching(onlyEvent(InvoicePaid.class, e -> assertThat(e.paymentDate()).isEqualTo(OSLO_TODAY)));
    }

    @Test
    void shouldAcceptAnEarlierDate_whenPaymentDateIsInThePast() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                .when(new MarkInvoicePaid(invoiceId, tenant, LocalDate.of(2026, 3, 1)))
                // then
                .expectEventsMatching(onlyEvent(InvoicePaid.class,
                        e -> assertThat(e.paymentDate()).isEqualTo(LocalDate.of(2026, 3, 1))));
    }

    @Test
    void shouldRefuseWithPaymentDateField_whenPaymentDateIsInTheFuture() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                // when the 16th (tomorrow in Oslo)
                .when(new MarkInvoicePaid(invoiceId, tenant, OSLO_TODAY.plusDays(1)))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("paymentDate", "not-future"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseSecondPayment_whenInvoiceIsAlreadyPaid() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent(), paidEvent())
                // when
                .when(new MarkInvoicePaid(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefusePayment_whenInvoiceIsADraft() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                .when(new MarkInvoicePaid(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldBePaidForTheOutstandingAmount_whenALineWasCredited() {
        // given a final two-line invoice (gross 1 267.13) whose bread line (450.00 + 67.50 = 517.50) was credited
        InvoiceContent two = InvoiceSamples.twoLineContent();
        fixture.given(drafted(invoiceId, tenant, two),
                        finalized(invoiceId, tenant, "INV-1001", 1001, OSLO_TODAY, OSLO_TODAY.plusDays(14), two.totals(), NOW),
                        new InvoiceCredited(invoiceId, tenant, CreditNoteId.random(), "CN-1", List.of(2),
                                new BigDecimal("517.50"), "NOK", false))
                // when
                .when(new MarkInvoicePaid(invoiceId, tenant, null))
                // then 1 267.13 - 517.50 = 749.63
                .expectEventsMatching(onlyEvent(InvoicePaid.class,
                        e -> assertThat(e.amount()).isEqualByComparingTo("749.63")));
    }

    @Test
    void shouldRefusePayment_whenInvoiceIsFullyCredited() {
        // given
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent(),
                        new InvoiceCredited(invoiceId, tenant, CreditNoteId.random(), "CN-1", List.of(1),
                                new BigDecimal("749.63"), "NOK", true))
                // when
                .when(new MarkInvoicePaid(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    // ---- void

    @Test
    void shouldVoidWithReason_whenInvoiceIsFinalized() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                .when(new VoidInvoice(invoiceId, tenant, "Feil kunde"))
                // then
                .expectEvents(new InvoiceVoided(invoiceId, tenant, "Feil kunde"));
    }

    @Test
    void shouldRefuseVoid_whenInvoiceIsPaid() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent(), paidEvent())
                .when(new VoidInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefusePayment_whenInvoiceIsVoid() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent(),
                        new InvoiceVoided(invoiceId, tenant, null))
                .when(new MarkInvoicePaid(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefuseSecondVoid_whenInvoiceIsVoid() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent(),
                        new InvoiceVoided(invoiceId, tenant, null))
                .when(new VoidInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefuseVoid_whenInvoiceIsADraft() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                .when(new VoidInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefuseVoid_whenALineWasCredited() {
        // given a partial credit note
        InvoiceContent two = InvoiceSamples.twoLineContent();
        fixture.given(drafted(invoiceId, tenant, two),
                        finalized(invoiceId, tenant, "INV-1001", 1001, OSLO_TODAY, OSLO_TODAY.plusDays(14), two.totals(), NOW),
                        new InvoiceCredited(invoiceId, tenant, CreditNoteId.random(), "CN-1", List.of(2),
                                new BigDecimal("517.50"), "NOK", false))
                // when
                .when(new VoidInvoice(invoiceId, tenant, null))
                // then
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRefuseWithReasonField_whenVoidReasonIsTooLong() {
        // given / when
        fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                .when(new VoidInvoice(invoiceId, tenant, "x".repeat(1001)))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("reason", "max-length"));
    }

    // ---- tenant isolation

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"change", "delete", "finalize", "pay", "void"})
    void shouldNotFindTheInvoice_whenAnotherTenantAddressesIt(String command) {
        // given a second, fully set-up tenant
        TenantId intruder = NorwegianSamples.seed(db);
        boolean needsFinal = command.equals("pay") || command.equals("void");
        var given = needsFinal
                ? fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                : fixture.given(drafted(invoiceId, tenant, draftContent()));
        // when the intruder sends the command with its own tenant id
        Object cmd = switch (command) {
            case "change" -> new ChangeInvoiceDraft(invoiceId, intruder, TestTenants.draft(), null);
            case "delete" -> new DeleteInvoiceDraft(invoiceId, intruder, null);
            case "finalize" -> new FinalizeInvoice(invoiceId, intruder, null);
            case "pay" -> new MarkInvoicePaid(invoiceId, intruder, null);
            default -> new VoidInvoice(invoiceId, intruder, null);
        };
        // then it is told the invoice does not exist, and nothing happens
        given.when(cmd)
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    // ---- S1

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"create", "change", "delete", "finalize", "pay", "void"})
    void shouldRefuseWithInvoicingDeactivated_whenTenantHasDeactivatedInvoicing(String command) {
        // given invoicing is deactivated
        db.deactivateInvoicing(tenant);
        boolean needsFinal = command.equals("pay") || command.equals("void");
        var given = command.equals("create") ? fixture.givenNoPriorActivity()
                : needsFinal ? fixture.given(drafted(invoiceId, tenant, draftContent()), finalizedEvent())
                : fixture.given(drafted(invoiceId, tenant, draftContent()));
        // when
        Object cmd = switch (command) {
            case "create" -> new CreateInvoice(invoiceId, tenant, TestTenants.draft());
            case "change" -> new ChangeInvoiceDraft(invoiceId, tenant, TestTenants.draft(), null);
            case "delete" -> new DeleteInvoiceDraft(invoiceId, tenant, null);
            case "finalize" -> new FinalizeInvoice(invoiceId, tenant, null);
            case "pay" -> new MarkInvoicePaid(invoiceId, tenant, null);
            default -> new VoidInvoice(invoiceId, tenant, null);
        };
        // then
        given.when(cmd)
                .expectException(domainError(ErrorCode.INVOICING_DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void shouldFinalizeAgain_whenInvoicingIsReactivated() {
        // given invoicing was deactivated and activated again
        db.deactivateInvoicing(tenant).activateInvoicing(tenant);
        fixture.given(drafted(invoiceId, tenant, draftContent()))
                // when
                .when(new FinalizeInvoice(invoiceId, tenant, null))
                // then
                .expectEventsMatching(onlyEvent(InvoiceFinalized.class, e -> assertThat(e.number()).isEqualTo("INV-1001")));
    }

    // ---- helpers

    private InvoiceFinalized finalizedEvent() {
        return finalized(invoiceId, tenant, "INV-1001", 1001, OSLO_TODAY, LocalDate.of(2026, 3, 29), consultingTotals(),
                NOW);
    }

    private InvoicePaid paidEvent() {
        return new InvoicePaid(invoiceId, tenant, OSLO_TODAY, new BigDecimal("749.63"), "NOK");
    }
}
