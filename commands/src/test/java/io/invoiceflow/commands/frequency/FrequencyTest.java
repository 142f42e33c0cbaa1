package io.invoiceflow.commands.frequency;

import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.commands.shared.FixtureSupport;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.frequency.ChangeFrequencyPattern;
import io.invoiceflow.events.frequency.CreateFrequency;
import io.invoiceflow.events.frequency.DeactivateFrequency;
import io.invoiceflow.events.frequency.FrequencyCreated;
import io.invoiceflow.events.frequency.FrequencyDeactivated;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyPatternChanged;
import io.invoiceflow.events.frequency.FrequencyReactivated;
import io.invoiceflow.events.frequency.FrequencyRenamed;
import io.invoiceflow.events.frequency.ReactivateFrequency;
import io.invoiceflow.events.frequency.RenameFrequency;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The frequency catalogue's aggregate (Q1-Q5). */
class FrequencyTest extends AggregateTestBase<Frequency> {
    private static final FrequencyId ID = new FrequencyId("5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8b0d13");
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 2);
    private static final FrequencyDefinition EVERY_OTHER_FRIDAY = new FrequencyDefinition(
            FrequencyPattern.weekly(2, DayOfWeek.FRIDAY), ANCHOR, FrequencyEnd.never());
    private static final FrequencyDefinition LAST_FRIDAY = new FrequencyDefinition(
            FrequencyPattern.monthlyOnWeekday(1, WeekPosition.LAST, DayOfWeek.FRIDAY), ANCHOR, FrequencyEnd.after(12));

    FrequencyTest() {
        super(Frequency.class);
    }

    private FrequencyCreated created() {
        return new FrequencyCreated(ID, tenant, "Hver 2. uke på fredag", true, EVERY_OTHER_FRIDAY);
    }

    @Test
    void shouldCreateWithTheAutomaticName_whenNoNameIsGiven() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, tenant, null, EVERY_OTHER_FRIDAY))
                // then
                .expectEvents(created());
    }

    @Test
    void shouldAnchorOnTodayInTheTenantsZone_whenNoAnchorIsGiven() {
        // given the clock at 23:30 UTC on 14 March: already 15 March in Oslo
        FrequencyDefinition noAnchor = new FrequencyDefinition(FrequencyPattern.daily(1), null, null);

        // when
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, tenant, null, noAnchor))
                // then
                .expectEventsMatching(onlyEvent(FrequencyCreated.class, e -> {
                    assertThat(e.definition().anchor()).isEqualTo(FixtureSupport.OSLO_TODAY);
                    assertThat(e.definition().end()).isEqualTo(FrequencyEnd.never());
                    assertThat(e.name()).isEqualTo("Hver dag");
                }));
    }

    @Test
    void shouldStoreTheCanonicalPattern_whenTheRequestLeavesDefaultsOut() {
        // given the 31st without a policy for shorter months
        FrequencyDefinition the31st = new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 31)
                .withShortMonths(null), ANCHOR, null);

        // when
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, tenant, "  Månedsslutt ", the31st))
                // then: the last day of shorter months, the override trimmed
                .expectEventsMatching(onlyEvent(FrequencyCreated.class, e -> {
                    assertThat(e.definition().pattern().shortMonths()).isEqualTo(ShortMonths.LAST_DAY);
                    assertThat(e.name()).isEqualTo("Månedsslutt");
                    assertThat(e.automaticName()).isFalse();
                }));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("interval 0", new FrequencyDefinition(FrequencyPattern.daily(0), ANCHOR, null), null,
                        "pattern.interval", "range"),
                Arguments.of("day 32", new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 32), ANCHOR, null), null,
                        "pattern.dayOfMonth", "range"),
                Arguments.of("end before the anchor", new FrequencyDefinition(FrequencyPattern.daily(1), ANCHOR,
                        FrequencyEnd.on(ANCHOR.minusDays(1))), null, "end.until", "not-before-anchor"),
                Arguments.of("no pattern", new FrequencyDefinition(null, ANCHOR, null), null, "pattern", "required"),
                Arguments.of("no definition", null, null, "pattern", "required"),
                Arguments.of("blank name", EVERY_OTHER_FRIDAY, "   ", "name", "required"),
                Arguments.of("name over 100", EVERY_OTHER_FRIDAY, "x".repeat(101), "name", "max-length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void shouldRefuseNamingTheField_whenTheRequestBreaksARule(String name, FrequencyDefinition definition,
                                                             String frequencyName, String field, String rule) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, tenant, frequencyName, definition))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation(field, rule))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWithNotFound_whenTheTenantDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, TenantId.random(), null, EVERY_OTHER_FRIDAY))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldKeepTheCatalogueOpen_whenTheTenantHasInvoicingDeactivated() {
        // given S1 off
        db.deactivateInvoicing(tenant);

        // when
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, tenant, null, EVERY_OTHER_FRIDAY))
                // then: frequencies are settings, not invoicing
                .expectEvents(created());
    }

    @Test
    void shouldNameInTheTenantsLanguage_whenTheTenantIsSwedishOrDanish() {
        // given a Swedish and a Danish tenant
        TenantId swedish = tenant("sv");
        TenantId danish = tenant("da");

        // when / then
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(ID, swedish, null, LAST_FRIDAY))
                .expectEventsMatching(onlyEvent(FrequencyCreated.class,
                        e -> assertThat(e.name()).isEqualTo("Sista fredagen i månaden")));
        FixtureSupport.fixture(Frequency.class, db).givenNoPriorActivity()
                .when(new CreateFrequency(ID, danish, null, LAST_FRIDAY))
                .expectEventsMatching(onlyEvent(FrequencyCreated.class,
                        e -> assertThat(e.name()).isEqualTo("Every month on the last Friday")));
    }

    @Test
    void shouldOverrideAndGoBackToTheAutomaticName_whenRenamed() {
        // given / when / then
        fixture.given(created())
                .when(new RenameFrequency(ID, tenant, "Lønnsfredag", 0L))
                .expectEvents(new FrequencyRenamed(ID, tenant, "Lønnsfredag", false));
        fixture.given(created(), new FrequencyRenamed(ID, tenant, "Lønnsfredag", false))
                .when(new RenameFrequency(ID, tenant, null, 1L))
                .expectEvents(new FrequencyRenamed(ID, tenant, "Hver 2. uke på fredag", true));
        fixture.given(created())
                .when(new RenameFrequency(ID, tenant, null, null))
                .expectNoEvents();
    }

    @Test
    void shouldRegenerateTheAutomaticName_whenThePatternChanges() {
        // given / when
        fixture.given(created())
                .when(new ChangeFrequencyPattern(ID, tenant, new FrequencyDefinition(LAST_FRIDAY.pattern(), null,
                        FrequencyEnd.after(12)), 0L))
                // then: the anchor is kept, the name follows the pattern
                .expectEvents(new FrequencyPatternChanged(ID, tenant, LAST_FRIDAY, "Siste fredag i måneden"));
    }

    @Test
    void shouldKeepTheOverride_whenThePatternChanges() {
        // given / when
        fixture.given(created(), new FrequencyRenamed(ID, tenant, "Lønnsfredag", false))
                .when(new ChangeFrequencyPattern(ID, tenant, LAST_FRIDAY, 1L))
                // then
                .expectEvents(new FrequencyPatternChanged(ID, tenant, LAST_FRIDAY, "Lønnsfredag"));
    }

    @Test
    void shouldRecordNothing_whenTheScheduleIsTheSame() {
        // given / when
        fixture.given(created())
                .when(new ChangeFrequencyPattern(ID, tenant, EVERY_OTHER_FRIDAY, 0L))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseTheChange_whenTheNewPatternIsBad() {
        // given / when
        fixture.given(created())
                .when(new ChangeFrequencyPattern(ID, tenant, new FrequencyDefinition(
                        FrequencyPattern.monthlyOnWeekday(1, null, DayOfWeek.FRIDAY), null, null), 0L))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("pattern.position", "required"));
    }

    @Test
    void shouldDeactivateAndReactivateOnce_whenAskedTwice() {
        // given / when / then
        fixture.given(created())
                .when(new DeactivateFrequency(ID, tenant, 0L))
                .expectEvents(new FrequencyDeactivated(ID, tenant));
        fixture.given(created(), new FrequencyDeactivated(ID, tenant))
                .when(new DeactivateFrequency(ID, tenant, null))
                .expectNoEvents();
        fixture.given(created(), new FrequencyDeactivated(ID, tenant))
                .when(new ReactivateFrequency(ID, tenant, 1L))
                .expectEvents(new FrequencyReactivated(ID, tenant));
        fixture.given(created())
                .when(new ReactivateFrequency(ID, tenant, null))
                .expectNoEvents();
    }

    @Test
    void shouldAnswerNotFound_whenAnotherTenantAddressesTheFrequency() {
        // given
        TenantId intruder = NorwegianSamples.seed(db);

        // when / then
        fixture.given(created())
                .when(new RenameFrequency(ID, intruder, "Mine", null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(created())
                .when(new DeactivateFrequency(ID, intruder, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(created())
                .when(new ChangeFrequencyPattern(ID, intruder, LAST_FRIDAY, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenTheClientSawAnOlderVersion() {
        // given / when / then
        fixture.given(created(), new FrequencyDeactivated(ID, tenant))
                .when(new ReactivateFrequency(ID, tenant, 0L))
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }

    private TenantId tenant(String language) {
        TenantId id = TenantId.random();
        db.tenant(id, new TenantProfile("Nordisk AB", "556036-0793", new Address("Avenyn 1", "411 36", "Göteborg", "SE"),
                "SEK", "Europe/Stockholm", language, new NumberSeries("F", 1), new NumberSeries("K", 1),
                "info@nordisk.example"));
        return id;
    }
}
