package io.invoiceflow.commands.customer;

import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.customer.ChangeCustomer;
import io.invoiceflow.events.customer.CustomerChanged;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.CustomerRegistered;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static io.invoiceflow.commands.shared.NorwegianSamples.KARI;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer register: details, contacts and their rules. */
class CustomerTest extends AggregateTestBase<Customer> {
    private static final CustomerNumber NUMBER = new CustomerNumber("50005");
    private static final Address BERGEN = new Address("Bryggen 2", "5003", "Bergen", "NO");

    CustomerTest() {
        super(Customer.class);
    }

    private static CustomerDetails details() {
        return new CustomerDetails("Fisketorget AS", "974760673", "nb", "post@fisketorget.example", BERGEN, List.of(KARI));
    }

    @Test
    void shouldRegisterCustomerWithItsDetails_whenDetailsAreValid() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(tenant, NUMBER, details()))
                // then
                .expectEvents(new CustomerRegistered(tenant, NUMBER, details()));
    }

    @Test
    void shouldStoreAnEmptyContactList_whenContactsAreOmitted() {
        // given
        CustomerDetails noContacts = new CustomerDetails("Fisketorget AS", null, null, null, null, null);
        fixture.givenNoPriorActivity()
                // when
                .when(new RegisterCustomer(tenant, NUMBER, noContacts))
                // then
                .expectEventsMatching(onlyEvent(CustomerRegistered.class,
                        e -> assertThat(e.details().contacts()).isEmpty()));
    }

    @Test
    void shouldCheckTheSwedishRule_whenBillingAddressIsInSweden() {
        // given a Swedish customer with a valid Swedish organisation number (Luhn) that is no valid Norwegian one
        CustomerDetails swedish = new CustomerDetails("Göteborgs Kaffe AB", "556036-0793", "sv", null,
                new Address("Avenyn 1", "411 36", "Göteborg", "SE"), List.of());
        fixture.givenNoPriorActivity()
                // when
                .when(new RegisterCustomer(tenant, NUMBER, swedish))
                // then
                .expectEventsMatching(onlyEvent(CustomerRegistered.class,
                        e -> assertThat(e.details().organisationNumber()).isEqualTo("556036-0793")));
    }

    @Test
    void shouldRefuseWithNotFound_whenTenantDoesNotExist() {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(TenantId.random(), NUMBER, details()))
                // then
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    static Stream<Arguments> brokenDetails() {
        return Stream.of(
                Arguments.of("no name", new CustomerDetails(null, null, null, null, null, null), "name", "required"),
                Arguments.of("Norwegian organisation number with a wrong check digit",
                        new CustomerDetails("X AS", "974760674", null, null, BERGEN, null),
                        "organisationNumber", "organisation-number"),
                Arguments.of("Norwegian rule by the tenant's country when there is no address",
                        new CustomerDetails("X AS", "12345", null, null, null, null),
                        "organisationNumber", "organisation-number"),
                Arguments.of("unknown invoice language", new CustomerDetails("X AS", null, "norsk", null, null, null),
                        "invoiceLanguage", "iso-639-1"),
                Arguments.of("malformed email", new CustomerDetails("X AS", null, null, "post(at)x.no", null, null),
                        "email", "email"),
                Arguments.of("unknown country code",
                        new CustomerDetails("X AS", null, null, null, new Address("Gate 1", "0150", "Oslo", "XX"), null),
                        "billingAddress.country", "iso-3166-1"),
                Arguments.of("address without street",
                        new CustomerDetails("X AS", null, null, null, new Address(null, "0150", "Oslo", "NO"), null),
                        "billingAddress.street", "required"),
                Arguments.of("second contact with a malformed email",
                        new CustomerDetails("X AS", null, null, null, null,
                                List.of(KARI, new Contact("Ola", "ola", null))),
                        "contacts[1].email", "email"),
                Arguments.of("contact without name",
                        new CustomerDetails("X AS", null, null, null, null, List.of(new Contact(null, "a@b.no", null))),
                        "contacts[0].name", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDetails")
    void shouldRefuseWithTheFieldPath_whenDetailsBreakARule(String rule, CustomerDetails details, String field,
                                                           String ruleName) {
        // given / when
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(tenant, NUMBER, details))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation(field, ruleName).andNoOtherViolation())
                .expectNoEvents();
    }

    @Test
    void shouldReportAllProblemsAtOnce_whenSeveralFieldsAreInvalid() {
        // given
        CustomerDetails bad = new CustomerDetails(" ", "974760674", "xx", "nope", BERGEN,
                List.of(new Contact("Kari", "kari", null)));
        fixture.givenNoPriorActivity()
                // when
                .when(new RegisterCustomer(tenant, NUMBER, bad))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT)
                        .withViolation("name", "required")
                        .withViolation("organisationNumber", "organisation-number")
                        .withViolation("invoiceLanguage", "iso-639-1")
                        .withViolation("email", "email")
                        .withViolation("contacts[0].email", "email")
                        .andNoOtherViolation());
    }

    @Test
    void shouldReplaceDetails_whenCustomerIsChanged() {
        // given
        CustomerDetails changed = new CustomerDetails("Fisketorget Bergen AS", "974760673", "en", null, BERGEN, List.of());
        fixture.given(new CustomerRegistered(tenant, NUMBER, details()))
                // when
                .when(new ChangeCustomer(tenant, NUMBER, changed, 0L))
                // then
                .expectEvents(new CustomerChanged(tenant, NUMBER, changed));
    }

    @Test
    void shouldRefuseWithStaleVersion_whenChangingAnOutdatedVersion() {
        // given version 1
        fixture.given(new CustomerRegistered(tenant, NUMBER, details()), new CustomerChanged(tenant, NUMBER, details()))
                // when
                .when(new ChangeCustomer(tenant, NUMBER, details(), 0L))
                // then
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }

    @Test
    void shouldValidate_whenCustomerIsChanged() {
        // given / when
        fixture.given(new CustomerRegistered(tenant, NUMBER, details()))
                .when(new ChangeCustomer(tenant, NUMBER, new CustomerDetails("", null, null, null, null, null), null))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("name", "required"));
    }
}
