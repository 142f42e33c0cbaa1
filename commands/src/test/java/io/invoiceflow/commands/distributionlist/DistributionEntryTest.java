package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distributionlist.DistributionEntryRemoved;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.distributionlist.RemoveDistributionEntry;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.events.distributionlist.SetDistributionEntry.Outcome.ADDED;
import static io.invoiceflow.events.distributionlist.SetDistributionEntry.Outcome.CHANGED;
import static io.invoiceflow.events.distributionlist.SetDistributionEntry.Outcome.UNCHANGED;

/** An entry of the distribution list (P1, P2): one address per customer number, added, changed and removed. */
class DistributionEntryTest extends AggregateTestBase<DistributionEntry> {
    private static final CustomerNumber NUMBER = NorwegianSamples.BAKERY;
    private static final String KARI = "kari@bryggen.example";
    private static final String INVOICES = "faktura@bryggen.example";

    DistributionEntryTest() {
        super(DistributionEntry.class);
    }

    private DistributionEntrySet set(String email) {
        return new DistributionEntrySet(tenant, NUMBER, email);
    }

    @Test
    void shouldAddTheEntry_whenTheCustomerNumberHasNone() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new SetDistributionEntry(tenant, NUMBER, KARI, null))
                // then
                .expectEvents(set(KARI))
                .expectResultMessagePayload(ADDED);
    }

    @Test
    void shouldAddTheEntry_whenNoCustomerIsRegisteredUnderTheNumber() {
        // given a number the tenant's customer register does not know (the list comes from the tenant's own system)
        CustomerNumber unknown = new CustomerNumber("ERP-77001");
        fixture.givenNoPriorActivity()
                // when
                .when(new SetDistributionEntry(tenant, unknown, KARI, null))
                // then
                .expectEvents(new DistributionEntrySet(tenant, unknown, KARI));
    }

    @Test
    void shouldChangeTheAddress_whenTheEntryHasAnother() {
        // given / when
        fixture.given(set(KARI))
                .when(new SetDistributionEntry(tenant, NUMBER, INVOICES, null))
                // then
                .expectEvents(set(INVOICES))
                .expectResultMessagePayload(CHANGED);
    }

    @Test
    void shouldRecordNothing_whenTheSameAddressIsSetAgain() {
        // given / when
        fixture.given(set(KARI), set(INVOICES))
                .when(new SetDistributionEntry(tenant, NUMBER, INVOICES, 1L))
                // then
                .expectNoEvents()
                .expectResultMessagePayload(UNCHANGED);
    }

    @Test
    void shouldRecordTheNewSpelling_whenOnlyTheCaseDiffers() {
        // given / when: the address is kept as written, so fixing its spelling is a change
        fixture.given(set(KARI))
                .when(new SetDistributionEntry(tenant, NUMBER, "Kari@Bryggen.example", null))
                // then
                .expectEvents(set("Kari@Bryggen.example"))
                .expectResultMessagePayload(CHANGED);
    }

    @Test
    void shouldAddTheEntryAgain_whenItWasRemoved() {
        // given / when
        fixture.given(set(KARI), new DistributionEntryRemoved(tenant, NUMBER))
                .when(new SetDistributionEntry(tenant, NUMBER, KARI, null))
                // then
                .expectEvents(set(KARI))
                .expectResultMessagePayload(ADDED);
    }

    @Test
    void shouldSetTheEntry_whenInvoicingIsDeactivated() {
        // given: the list is settings, not invoicing (S1 does not apply)
        db.deactivateInvoicing(tenant);
        fixture.givenNoPriorActivity()
                // when
                .when(new SetDistributionEntry(tenant, NUMBER, KARI, null))
                // then
                .expectEvents(set(KARI));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "kari", "kari@bryggen", "kari(at)bryggen.example", "kari nordmann@bryggen.example",
            " kari@bryggen.example", "kari@@bryggen.example", "kari@bryggen.e"})
    void shouldRefuseWithTheEmailRule_whenTheAddressIsNoEmailAddress(String email) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new SetDistributionEntry(tenant, NUMBER, email, null))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT)
                        .withViolation("email", email == null ? "required" : "email").andNoOtherViolation())
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithTheEmailRule_whenTheAddressIsLongerThan254Characters() {
        // given
        String tooLong = "a".repeat(60) + "@" + "b".repeat(191) + ".no"; // 255
        fixture.given(set(KARI))
                // when
                .when(new SetDistributionEntry(tenant, NUMBER, tooLong, null))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("email", "email"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithNotFound_whenTheTenantDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new SetDistributionEntry(TenantId.random(), NUMBER, KARI, null))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldChangeTheAddress_whenIfMatchNamesTheCurrentVersion() {
        // given / when
        fixture.given(set(KARI))
                .when(new SetDistributionEntry(tenant, NUMBER, INVOICES, 0L))
                // then
                .expectEvents(set(INVOICES));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenIfMatchNamesAnOlderVersion() {
        // given version 1
        fixture.given(set(KARI), set(INVOICES))
                // when
                .when(new SetDistributionEntry(tenant, NUMBER, KARI, 0L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithStaleVersion_whenIfMatchIsSentForAnEntryThatDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new SetDistributionEntry(tenant, NUMBER, KARI, 0L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithStaleVersion_whenIfMatchNamesTheRemovedEntry() {
        // given version 1 is the removal
        fixture.given(set(KARI), new DistributionEntryRemoved(tenant, NUMBER))
                // when
                .when(new SetDistributionEntry(tenant, NUMBER, KARI, 1L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION))
                .expectNoEvents();
    }

    @Test
    void shouldRemoveTheEntry_whenItExists() {
        // given / when
        fixture.given(set(KARI))
                .when(new RemoveDistributionEntry(tenant, NUMBER, 0L))
                // then
                .expectEvents(new DistributionEntryRemoved(tenant, NUMBER));
    }

    @Test
    void shouldRefuseWithNotFound_whenTheEntryIsRemovedTwice() {
        // given / when
        fixture.given(set(KARI), new DistributionEntryRemoved(tenant, NUMBER))
                .when(new RemoveDistributionEntry(tenant, NUMBER, null))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void shouldFailAsNotFound_whenTheCustomerNumberNeverHadAnEntry() {
        // given / when (the write side reports Axon's AggregateNotFoundException as NOT_FOUND)
        fixture.givenNoPriorActivity()
                .when(new RemoveDistributionEntry(tenant, NUMBER, null))
                // then
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void shouldRefuseWithStaleVersion_whenRemovingAnOutdatedVersion() {
        // given version 1
        fixture.given(set(KARI), set(INVOICES))
                // when
                .when(new RemoveDistributionEntry(tenant, NUMBER, 0L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION))
                .expectNoEvents();
    }
}
