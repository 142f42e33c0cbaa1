package io.invoiceflow.commands.tenant;

import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.commands.directory.Principal;
import io.invoiceflow.commands.shared.FixtureSupport;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;
import io.invoiceflow.events.tenant.ActivateInvoicing;
import io.invoiceflow.events.tenant.CreateTenant;
import io.invoiceflow.events.tenant.CreateUser;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import io.invoiceflow.events.tenant.InvoicingActivated;
import io.invoiceflow.events.tenant.InvoicingDeactivated;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.Role;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.events.tenant.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenants: profile rules, default number series, the S1 switch and users with API keys. */
class TenantTest {
    private DirectoryFixtures db;
    private AggregateTestFixture<Tenant> fixture;
    private final TenantId tenant = TenantId.random();

    @BeforeEach
    void setUp() {
        db = DirectoryFixtures.inMemory();
        fixture = FixtureSupport.fixture(Tenant.class, db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    // ---- profile

    @Test
    void shouldCreateTenantWithItsProfile_whenProfileIsValid() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(tenant, NorwegianSamples.profile()))
                // then
                .expectEvents(new TenantCreated(tenant, NorwegianSamples.profile()));
    }

    @Test
    void shouldUseInv1001AndCn1001_whenNumberSeriesAreOmitted() {
        // given a profile without number series
        TenantProfile p = NorwegianSamples.profile();
        TenantProfile withoutSeries = new TenantProfile(p.name(), p.organisationNumber(), p.address(), p.currency(),
                p.timeZone(), p.defaultLanguage(), null, null, p.notificationEmail());
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateTenant(tenant, withoutSeries))
                // then HubSpot-style defaults
                .expectEventsMatching(onlyEvent(TenantCreated.class, e -> {
                    assertThat(e.profile().invoiceNumbers()).isEqualTo(new NumberSeries("INV-", 1001));
                    assertThat(e.profile().creditNoteNumbers()).isEqualTo(new NumberSeries("CN-", 1001));
                }));
    }

    static Stream<Arguments> brokenProfiles() {
        return Stream.of(
                broken("organisation number with a wrong check digit", p -> with(p, "org", "923609017"),
                        "organisationNumber", "organisation-number"),
                broken("organisation number with 8 digits", p -> with(p, "org", "92360901"),
                        "organisationNumber", "organisation-number"),
                broken("no organisation number", p -> with(p, "org", null), "organisationNumber", "required"),
                broken("unknown currency", p -> with(p, "currency", "XYZ"), "currency", "iso-4217"),
                broken("lower-case currency", p -> with(p, "currency", "nok"), "currency", "iso-4217"),
                broken("no currency", p -> with(p, "currency", null), "currency", "required"),
                broken("unknown time zone", p -> with(p, "zone", "Europe/Bergen"), "timeZone", "iana-zone"),
                broken("no time zone", p -> with(p, "zone", null), "timeZone", "required"),
                broken("unsupported country", p -> withAddress(p, new Address("Mannerheimintie 1", "00100", "Helsinki", "FI")),
                        "address.country", "one-of"),
                broken("no address", p -> withAddress(p, null), "address", "required"),
                broken("no notification email", p -> with(p, "email", null), "notificationEmail", "required"),
                broken("malformed notification email", p -> with(p, "email", "faktura.fjordkraft.example"),
                        "notificationEmail", "email"),
                broken("no name", p -> with(p, "name", " "), "name", "required"),
                broken("unknown language", p -> with(p, "language", "norsk"), "defaultLanguage", "iso-639-1"),
                broken("same prefix for invoices and credit notes", p -> withSeries(p, new NumberSeries("F-", 1),
                        new NumberSeries("F-", 5000)), "creditNoteNumbers.prefix", "distinct"),
                broken("invoice start number 0", p -> withSeries(p, new NumberSeries("INV-", 0), p.creditNoteNumbers()),
                        "invoiceNumbers.startNumber", "range"),
                broken("prefix with a space", p -> withSeries(p, new NumberSeries("INV ", 1), p.creditNoteNumbers()),
                        "invoiceNumbers.prefix", "format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenProfiles")
    void shouldRefuseWithTheFieldPath_whenProfileBreaksARule(String rule, TenantProfile profile, String field,
                                                            String ruleName) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(tenant, profile))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation(field, ruleName).andNoOtherViolation())
                .expectNoEvents();
    }

    @Test
    void shouldReportAllProfileProblemsAtOnce_whenSeveralFieldsAreInvalid() {
        // given
        TenantProfile p = NorwegianSamples.profile();
        TenantProfile bad = new TenantProfile(p.name(), "923609017",
                new Address("Mannerheimintie 1", "00100", "Helsinki", "FI"), "XYZ", "Mars/Olympus", p.defaultLanguage(),
                p.invoiceNumbers(), p.creditNoteNumbers(), null);
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateTenant(tenant, bad))
                // then (a Finnish organisation number is only checked for length, so 923609017 passes for FI)
                .expectException(domainError(ErrorCode.INVALID_INPUT)
                        .withViolation("address.country", "one-of")
                        .withViolation("currency", "iso-4217")
                        .withViolation("timeZone", "iana-zone")
                        .withViolation("notificationEmail", "required")
                        .andNoOtherViolation());
    }

    // ---- S1 switch

    @Test
    void shouldDeactivateWithReason_whenInvoicingIsActive() {
        // given / when
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()))
                .when(new DeactivateInvoicing(tenant, "Konkursbehandling"))
                // then
                .expectEvents(new InvoicingDeactivated(tenant, "Konkursbehandling"));
    }

    @Test
    void shouldPublishNothing_whenDeactivatingTwice() {
        // given / when
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()), new InvoicingDeactivated(tenant, null))
                .when(new DeactivateInvoicing(tenant, "igjen"))
                // then idempotent
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldActivate_whenInvoicingIsDeactivated() {
        // given / when
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()), new InvoicingDeactivated(tenant, null))
                .when(new ActivateInvoicing(tenant))
                // then
                .expectEvents(new InvoicingActivated(tenant));
    }

    @Test
    void shouldPublishNothing_whenActivatingAnActiveTenant() {
        // given a new tenant (active from the start) / when
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()))
                .when(new ActivateInvoicing(tenant))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseALongReason_whenDeactivating() {
        // given / when
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()))
                .when(new DeactivateInvoicing(tenant, "x".repeat(1001)))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("reason", "max-length"));
    }

    // ---- users

    @Test
    void shouldStoreTheKeyHashInTheDirectoryButNotInTheEvent_whenUserIsCreated() throws Exception {
        // given
        UserId user = UserId.random();
        String hash = sha256("ifk_ab12-secret-part-of-the-key");
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()))
                // when
                .when(new CreateUser(tenant, user, "Ingrid Berg", "ingrid@fjordkraft.example", EnumSet.of(Role.ACCOUNTANT),
                        "ifk_ab12", hash))
                // then the event carries the prefix only
                .expectEvents(new UserCreated(tenant, user, "Ingrid Berg", "ingrid@fjordkraft.example",
                        List.of(Role.ACCOUNTANT), "ifk_ab12"))
                .expectEventsMatching(onlyEvent(UserCreated.class, e -> {
                    try {
                        assertThat(EventJson.mapper().writeValueAsString(e)).doesNotContain(hash);
                    } catch (Exception ex) {
                        throw new AssertionError(ex);
                    }
                }));
        // and the directory resolves the hash to the user
        assertThat(db.directory().principalForKeyHash(hash))
                .contains(new Principal(tenant, user, Set.of(Role.ACCOUNTANT)));
    }

    @Test
    void shouldCreateUser_whenRolesAreAnImmutableSet() throws NoSuchAlgorithmException {
        // given a Java caller that builds the roles with Set.of (immutable sets throw on contains(null))
        UserId user = UserId.random();
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()))
                // when
                .when(new CreateUser(tenant, user, "Per Hansen", "per@fjordkraft.example", Set.of(Role.AUDITOR),
                        "ifk_0004", sha256("fourth key")))
                // then the user is created like with any other set (BUG: Tenant.handle(CreateUser) calls
                // roles().contains(null), which throws NullPointerException for Set.of / Set.copyOf)
                .expectEvents(new UserCreated(tenant, user, "Per Hansen", "per@fjordkraft.example",
                        List.of(Role.AUDITOR), "ifk_0004"));
    }

    @Test
    void shouldRefuseAsAlreadyExisting_whenEmailIsTakenInAnyCase() throws NoSuchAlgorithmException {
        // given Ingrid exists
        String hash = sha256("second key");
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()),
                        new UserCreated(tenant, UserId.random(), "Ingrid Berg", "ingrid@fjordkraft.example",
                                List.of(Role.ADMIN), "ifk_0001"))
                // when another user is created with her email in upper case
                .when(new CreateUser(tenant, UserId.random(), "Ingrid B.", "INGRID@Fjordkraft.example",
                        EnumSet.of(Role.SALES), "ifk_0002", hash))
                // then
                .expectException(domainError(ErrorCode.ALREADY_EXISTS))
                .expectNoEvents();
        // and no key was stored
        assertThat(db.directory().principalForKeyHash(hash)).isEmpty();
    }

    @Test
    void shouldReportNameEmailAndRoles_whenUserIsIncomplete() throws NoSuchAlgorithmException {
        // given / when
        fixture.given(new TenantCreated(tenant, NorwegianSamples.profile()))
                .when(new CreateUser(tenant, UserId.random(), "", "not-an-email", Set.of(), "ifk_0003", sha256("k")))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT)
                        .withViolation("name", "required")
                        .withViolation("email", "email")
                        .withViolation("roles", "min-items")
                        .andNoOtherViolation());
    }

    // ---- helpers

    private static Arguments broken(String description, UnaryOperator<TenantProfile> change, String field, String rule) {
        return Arguments.of(description, change.apply(NorwegianSamples.profile()), field, rule);
    }

    private static TenantProfile with(TenantProfile p, String what, String value) {
        return new TenantProfile(
                what.equals("name") ? value : p.name(),
                what.equals("org") ? value : p.organisationNumber(),
                p.address(),
                what.equals("currency") ? value : p.currency(),
                what.equals("zone") ? value : p.timeZone(),
                what.equals("language") ? value : p.defaultLanguage(),
                p.invoiceNumbers(), p.creditNoteNumbers(),
                what.equals("email") ? value : p.notificationEmail());
    }

    private static TenantProfile withAddress(TenantProfile p, Address address) {
        return new TenantProfile(p.name(), p.organisationNumber(), address, p.currency(), p.timeZone(),
                p.defaultLanguage(), p.invoiceNumbers(), p.creditNoteNumbers(), p.notificationEmail());
    }

    private static TenantProfile withSeries(TenantProfile p, NumberSeries invoices, NumberSeries creditNotes) {
        return new TenantProfile(p.name(), p.organisationNumber(), p.address(), p.currency(), p.timeZone(),
                p.defaultLanguage(), invoices, creditNotes, p.notificationEmail());
    }

    private static String sha256(String key) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
