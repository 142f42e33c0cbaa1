package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.commands.directory.Directory.DistributionRow;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.distributionlist.DistributionListCommand;
import io.invoiceflow.events.distributionlist.RemoveDistributionEntry;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.invoiceflow.events.distributionlist.SetDistributionEntry.Outcome.ADDED;
import static io.invoiceflow.events.distributionlist.SetDistributionEntry.Outcome.CHANGED;
import static io.invoiceflow.events.distributionlist.SetDistributionEntry.Outcome.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@code distribution_list} lookup table is written in the command's transaction and serves the
 * list, the search and the lookups, the same on H2 and PostgreSQL.
 */
class DistributionDirectoryIT {
    private static final CommandContext USER = new CommandContext("user-1", "req-1", null);

    private static WriteSide start(DataSource db) {
        return WriteSide.start(db, WriteSideSettings.defaults("test"), Clock.systemUTC(), null);
    }

    private static TenantId tenant(WriteSide w) {
        TenantId tenant = TenantId.random();
        w.send(TestTenants.createTenant(tenant), USER);
        return tenant;
    }

    private static SetDistributionEntry.Outcome set(WriteSide w, TenantId tenant, String number, String email) {
        return w.send(new SetDistributionEntry(tenant, new CustomerNumber(number), email, null), USER);
    }

    private static List<String> numbers(List<DistributionRow> rows) {
        return rows.stream().map(r -> r.customerNumber().value()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldKeepTheRowInStep_whenAnEntryIsAddedChangedRemovedAndAddedAgain(TestDatabases.Kind kind) {
        try (WriteSide w = start(TestDatabases.create(kind))) {
            // given a tenant with invoicing deactivated (the list is settings)
            TenantId tenant = tenant(w);
            w.send(new DeactivateInvoicing(tenant, null), USER);
            CustomerNumber number = new CustomerNumber("10001");
            Directory directory = w.directory();

            // when / then
            assertThat(set(w, tenant, "10001", "kari@bryggen.example")).isEqualTo(ADDED);
            assertThat(directory.distributionEntry(tenant, number)).contains(new DistributionRow(number, "kari@bryggen.example", 0));
            assertThat(set(w, tenant, "10001", "Faktura@Bryggen.example")).isEqualTo(CHANGED);
            assertThat(set(w, tenant, "10001", "Faktura@Bryggen.example")).isEqualTo(UNCHANGED);
            assertThat(directory.distributionEntry(tenant, number)).contains(new DistributionRow(number, "Faktura@Bryggen.example", 1));
            w.send(new RemoveDistributionEntry(tenant, number, 1L), USER);
            assertThat(directory.distributionEntry(tenant, number)).isEmpty();
            assertThat(directory.distributionList(tenant)).isEmpty();
            assertThat(set(w, tenant, "10001", "kari@bryggen.example")).isEqualTo(ADDED);
            assertThat(directory.distributionEntry(tenant, number)).contains(new DistributionRow(number, "kari@bryggen.example", 3));
            assertThat(w.events(DistributionListCommand.aggregateId(tenant, number))).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldFindByPartOfEmailOrNumberIgnoringCase_whenTheListIsSearched(TestDatabases.Kind kind) {
        try (WriteSide w = start(TestDatabases.create(kind))) {
            // given
            TenantId tenant = tenant(w);
            set(w, tenant, "K-100", "Kari.Nordmann@Bryggen.example");
            set(w, tenant, "k_200", "ola@fisk.example");
            set(w, tenant, "K2000", "post@bryggen.example");
            set(w, tenant, "30000", "100%@rabatt.example");
            Directory directory = w.directory();

            // when / then
            assertThat(numbers(directory.distributionList(tenant, "BRYGGEN", null, 10))).containsExactly("K-100", "K2000");
            assertThat(numbers(directory.distributionList(tenant, "k-1", null, 10))).containsExactly("K-100");
            assertThat(numbers(directory.distributionList(tenant, "k_2", null, 10))).as("_ is no wildcard")
                    .containsExactly("k_200");
            assertThat(numbers(directory.distributionList(tenant, "0%", null, 10))).as("% is no wildcard")
                    .containsExactly("30000");
            assertThat(numbers(directory.distributionList(tenant, "nobody", null, 10))).isEmpty();
            assertThat(numbers(directory.distributionList(tenant(w), "bryggen", null, 10))).as("another tenant").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldPageInCodePointOrderWithoutGapsOrRepeats_whenTheListChangesBetweenPages(TestDatabases.Kind kind) {
        try (WriteSide w = start(TestDatabases.create(kind))) {
            // given numbers a locale-aware collation would order differently
            TenantId tenant = tenant(w);
            for (String number : List.of("b-1", "A-2", "a-1", "B.1", "10", "9", "_x")) {
                set(w, tenant, number, "post-" + number + "@liste.example");
            }
            Directory directory = w.directory();

            // when paging by three, with an entry added before the cursor and one after it in between
            List<DistributionRow> first = directory.distributionList(tenant, null, null, 3);
            set(w, tenant, "0", "early@liste.example");
            set(w, tenant, "c", "late@liste.example");
            List<DistributionRow> second = directory.distributionList(tenant, null, last(first), 3);
            List<DistributionRow> third = directory.distributionList(tenant, null, last(second), 3);
            List<DistributionRow> fourth = directory.distributionList(tenant, null, last(third), 3);

            // then
            assertThat(numbers(first)).containsExactly("10", "9", "A-2");
            assertThat(numbers(second)).containsExactly("B.1", "_x", "a-1");
            assertThat(numbers(third)).containsExactly("b-1", "c");
            assertThat(fourth).isEmpty();
            assertThat(numbers(directory.distributionList(tenant))).containsExactly("0", "10", "9", "A-2", "B.1", "_x",
                    "a-1", "b-1", "c");
            assertThat(numbers(directory.distributionList(tenant, "liste", "9", 2))).containsExactly("A-2", "B.1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldKeepEachTenantsEntry_whenTwoTenantsUseTheSameNumber(TestDatabases.Kind kind) {
        try (WriteSide w = start(TestDatabases.create(kind))) {
            // given
            TenantId owner = tenant(w);
            TenantId other = tenant(w);
            CustomerNumber number = new CustomerNumber("10001");
            set(w, owner, "10001", "owner@a.example");

            // when
            SetDistributionEntry.Outcome others = set(w, other, "10001", "other@b.example");
            w.send(new RemoveDistributionEntry(other, number, null), USER);
            DomainException again = catchThrowableOfType(DomainException.class,
                    () -> w.send(new RemoveDistributionEntry(other, number, null), USER));

            // then
            assertThat(others).isEqualTo(ADDED);
            assertThat(again.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(w.directory().distributionEntry(owner, number)).map(DistributionRow::email).contains("owner@a.example");
            assertThat(w.directory().distributionEntry(other, number)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldAddTheEntry_whenAnEarlierRequestToCreateItWasRefused(TestDatabases.Kind kind) {
        try (WriteSide w = start(TestDatabases.create(kind))) {
            // given two refused creations (bad address; If-Match without an entry), nothing stored
            TenantId tenant = tenant(w);
            CustomerNumber number = new CustomerNumber("20002");
            DomainException badAddress = catchThrowableOfType(DomainException.class,
                    () -> set(w, tenant, "20002", "post(at)bryggen.example"));
            DomainException ifMatch = catchThrowableOfType(DomainException.class,
                    () -> w.send(new SetDistributionEntry(tenant, number, "post@bryggen.example", 0L), USER));

            // when
            SetDistributionEntry.Outcome outcome = set(w, tenant, "20002", "post@bryggen.example");

            // then
            assertThat(badAddress.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(ifMatch.code()).isEqualTo(ErrorCode.STALE_VERSION);
            assertThat(outcome).isEqualTo(ADDED);
            assertThat(w.events(DistributionListCommand.aggregateId(tenant, number))).hasSize(1);
            assertThat(w.directory().distributionEntry(tenant, number)).contains(
                    new DistributionRow(number, "post@bryggen.example", 0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldAnswerNotFound_whenAnEntryThatNeverExistedIsRemoved(TestDatabases.Kind kind) {
        try (WriteSide w = start(TestDatabases.create(kind))) {
            // given
            TenantId tenant = tenant(w);

            // when
            DomainException refused = catchThrowableOfType(DomainException.class,
                    () -> w.send(new RemoveDistributionEntry(tenant, new CustomerNumber("404"), null), USER));

            // then
            assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    /**
     * Two instances on one database set the same new entries at the same moment: the one that loses the
     * race to create an entry applies its command to the entry the other created, so nobody is refused.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldAddEachEntryOnce_whenTwoInstancesSetTheSameNewEntriesConcurrently(TestDatabases.Kind kind)
            throws Exception {
        DataSource db = TestDatabases.create(kind);
        try (WriteSide a = start(db); WriteSide b = start(db)) {
            // given
            TenantId tenant = tenant(a);
            int entries = 150;
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);

            // when
            List<Future<List<SetDistributionEntry.Outcome>>> runs = new ArrayList<>();
            for (WriteSide instance : List.of(a, b)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    List<SetDistributionEntry.Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < entries; i++) {
                        outcomes.add(set(instance, tenant, "N" + i, "same-" + i + "@race.example"));
                    }
                    return outcomes;
                }));
            }
            List<SetDistributionEntry.Outcome> outcomes = new ArrayList<>();
            for (Future<List<SetDistributionEntry.Outcome>> run : runs) {
                outcomes.addAll(run.get(120, TimeUnit.SECONDS));
            }
            threads.shutdown();

            // then: per entry one ADDED and one UNCHANGED, one event, one row
            assertThat(outcomes).filteredOn(o -> o == ADDED).hasSize(entries);
            assertThat(outcomes).filteredOn(o -> o == UNCHANGED).hasSize(entries);
            assertThat(a.directory().distributionList(tenant)).hasSize(entries);
            for (int i = 0; i < entries; i++) {
                assertThat(a.events(DistributionListCommand.aggregateId(tenant, new CustomerNumber("N" + i))))
                        .singleElement().satisfies(e -> assertThat(e.getPayload()).isInstanceOf(DistributionEntrySet.class));
            }
        }
    }

    private static String last(List<DistributionRow> page) {
        return page.get(page.size() - 1).customerNumber().value();
    }
}
