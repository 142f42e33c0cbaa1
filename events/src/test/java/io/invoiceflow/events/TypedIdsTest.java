package io.invoiceflow.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Typed ids validate themselves and travel as plain JSON strings. */
class TypedIdsTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String VALID_UUID = "3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13";

    /** Each typed id: its field name in violations, its constructor, a valid value. */
    private record IdType(String field, Class<?> type, Function<String, Object> create, String valid) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    private static final List<IdType> UUID_IDS = List.of(
            new IdType("tenantId", TenantId.class, TenantId::new, VALID_UUID),
            new IdType("userId", UserId.class, UserId::new, VALID_UUID),
            new IdType("orderId", OrderId.class, OrderId::new, VALID_UUID),
            new IdType("invoiceId", InvoiceId.class, InvoiceId::new, VALID_UUID),
            new IdType("creditNoteId", CreditNoteId.class, CreditNoteId::new, VALID_UUID),
            new IdType("frequencyId", FrequencyId.class, FrequencyId::new, VALID_UUID),
            new IdType("distributionId", DistributionId.class, DistributionId::new, VALID_UUID),
            new IdType("recurringId", RecurringId.class, RecurringId::new, VALID_UUID));
    private static final List<IdType> CODES = List.of(
            new IdType("customerNumber", CustomerNumber.class, CustomerNumber::new, "K-1042"),
            new IdType("productCode", ProductCode.class, ProductCode::new, "CONS-HR"));
    private static final List<IdType> NAMES = List.of(
            new IdType("templateName", TemplateName.class, TemplateName::new, "fjordlys-logo_2.v1"));

    static Stream<Arguments> invalidUuidIds() {
        List<String> invalid = Arrays.asList(null, "", " ", "not-a-uuid",
                VALID_UUID.toUpperCase(java.util.Locale.ROOT),
                VALID_UUID.replace("-", ""),
                " " + VALID_UUID,
                VALID_UUID + "0",
                "{" + VALID_UUID + "}",
                "3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b1g");
        return combine(UUID_IDS, invalid);
    }

    static Stream<Arguments> invalidCodes() {
        List<String> invalid = Arrays.asList(null, "", "K 1042", "K/1042", "Kunde#1", "æøå", "A".repeat(33));
        return combine(CODES, invalid);
    }

    static Stream<Arguments> invalidNames() {
        List<String> invalid = Arrays.asList(null, "", "my logo", "a/b", "logo:1", "æøå", "A".repeat(65));
        return combine(NAMES, invalid);
    }

    static Stream<IdType> allIds() {
        return Stream.of(UUID_IDS, CODES, NAMES).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0} from \"{1}\"")
    @MethodSource({"invalidUuidIds", "invalidCodes", "invalidNames"})
    void shouldRejectWithInvalidInput_whenValueIsMalformed(IdType id, String value) {
        // given
        Supplier<Object> create = () -> id.create().apply(value);

        // when
        Throwable thrown = catchThrowable(create::get);

        // then
        assertThat(thrown).isInstanceOf(DomainException.class);
        DomainException error = (DomainException) thrown;
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(error.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(id.field());
            assertThat(violation.rule()).isEqualTo("format");
        });
    }

    @ParameterizedTest(name = "{0} from \"{1}\"")
    @MethodSource({"invalidUuidIds", "invalidCodes", "invalidNames"})
    void shouldRejectWithInvalidInput_whenMalformedValueIsReadFromJson(IdType id, String value) {
        // given
        String json = value == null ? "null" : "\"" + value + "\"";

        // when
        Throwable thrown = catchThrowable(() -> JSON.readValue(json, id.type()));

        // then: null is "no id" to Jackson; anything else fails in the id's own check
        if (value == null) {
            assertThat(thrown).isNull();
        } else {
            assertThat(rootDomainException(thrown)).isNotNull()
                    .extracting(DomainException::code).isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }

    @Test
    void shouldAcceptCode_whenThirtyTwoSafeCharacters() {
        // given
        String longest = "Aa0._-" + "z".repeat(26);

        // when
        CustomerNumber customer = new CustomerNumber(longest);
        ProductCode product = new ProductCode(longest);

        // then
        assertThat(customer.value()).hasSize(32).isEqualTo(longest);
        assertThat(product.value()).isEqualTo(longest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allIds")
    void shouldWritePlainJsonString_whenIdIsSerialized(IdType id) throws Exception {
        // given
        Object value = id.create().apply(id.valid());

        // when
        String json = JSON.writeValueAsString(value);
        Object read = JSON.readValue(json, id.type());

        // then
        assertThat(json).isEqualTo("\"" + id.valid() + "\"");
        assertThat(read).isEqualTo(value);
        assertThat(value).hasToString(id.valid());
    }

    @Test
    void shouldCreateValidIds_whenRandomIsAsked() {
        // given
        List<Object> random = new ArrayList<>();

        // when
        random.add(TenantId.random());
        random.add(UserId.random());
        random.add(OrderId.random());
        random.add(InvoiceId.random());
        random.add(CreditNoteId.random());
        random.add(FrequencyId.random());
        random.add(DistributionId.random());
        random.add(RecurringId.random());

        // then
        assertThat(random).allSatisfy(id -> assertThat(id.toString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertThat(TenantId.random()).isNotEqualTo(TenantId.random());
    }

    @Test
    void shouldDeriveTheSameInvoiceId_whenTheSameOccurrenceIsAskedAgain() {
        // given
        RecurringId schedule = new RecurringId(VALID_UUID);
        CustomerNumber customer = new CustomerNumber("K-1042");
        LocalDate day = LocalDate.of(2027, 3, 1);

        // when
        InvoiceId first = schedule.occurrenceInvoice(customer, day);
        InvoiceId again = new RecurringId(VALID_UUID).occurrenceInvoice(new CustomerNumber("K-1042"), day);

        // then: a UUID v3 of the occurrence, different for another customer, date or schedule
        assertThat(again).isEqualTo(first);
        assertThat(first.value()).isEqualTo(UUID.nameUUIDFromBytes(
                ("occurrence/" + VALID_UUID + "/K-1042/2027-03-01").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(List.of(schedule.occurrenceInvoice(new CustomerNumber("K-1043"), day),
                schedule.occurrenceInvoice(customer, day.plusDays(1)),
                RecurringId.random().occurrenceInvoice(customer, day))).doesNotContain(first).doesNotHaveDuplicates();
    }

    @Test
    void shouldRejectEvent_whenItsJsonCarriesMalformedId() {
        // given
        String json = "{\"invoiceId\":\"C4E8F1A2-6B3D-4F9E-A7C5-2D1B0E9F8A76\",\"tenantId\":\"" + VALID_UUID
                + "\",\"reason\":null}";

        // when / then
        assertThatThrownBy(() -> JSON.readValue(json, io.invoiceflow.events.invoice.InvoiceVoided.class))
                .satisfies(thrown -> assertThat(rootDomainException(thrown)).isNotNull()
                        .extracting(DomainException::code).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    private static Stream<Arguments> combine(List<IdType> ids, List<String> values) {
        return ids.stream().flatMap(id -> values.stream().map(value -> Arguments.of(id, value)));
    }

    private static DomainException rootDomainException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }
}
