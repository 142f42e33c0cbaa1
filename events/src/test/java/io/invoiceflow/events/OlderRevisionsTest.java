package io.invoiceflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event type that raised its revision still reads every earlier one it declares
 * ({@link EventRevision#reads()}): the records already on the topic, and the approved snapshot of the old
 * revision stays valid against the old schema, which stays too.
 */
class OlderRevisionsTest {
    private static final ObjectMapper JSON = EventJson.mapper();

    static Stream<Arguments> olderRevisions() {
        return EventCatalog.eventTypes().stream().flatMap(type -> EventCatalog.olderRevisionsOf(type).stream()
                .map(older -> Arguments.of(type, older)));
    }

    @Test
    void shouldDeclareOlderRevisions_whenDistributionEventsGainedTheOrder() {
        // given / when
        List<Class<?>> withOlder = EventCatalog.eventTypes().stream()
                .filter(type -> !EventCatalog.olderRevisionsOf(type).isEmpty()).toList();

        // then
        assertThat(withOlder).extracting(Class::getSimpleName).contains("DistributionRequested",
                "DistributionRendered", "DistributionSent", "DistributionFailed", "DistributionBounced");
    }

    @ParameterizedTest
    @MethodSource("olderRevisions")
    void shouldValidateOldSnapshot_whenCheckedAgainstItsOwnSchema(Class<?> type, String older) throws IOException {
        // given
        JsonNode old = snapshot(type, older);

        // when
        List<String> errors = EventSchemas.errors(EventSchemas.schema(EventSchemas.fileName(type, older)), old);

        // then
        assertThat(errors).as("the old snapshot against the old schema").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("olderRevisions")
    void shouldReadOldRevision_whenPropertiesAddedSinceAreMissing(Class<?> type, String older) throws IOException {
        // given
        JsonNode old = snapshot(type, older);

        // when
        Object read = JSON.treeToValue(old, type);
        JsonNode written = JSON.valueToTree(read);

        // then: what the old revision had is kept, what was added reads as null, and the result is a valid new revision
        old.properties().forEach(p -> assertThat(written.get(p.getKey()).toString()).as(p.getKey())
                .isEqualTo(p.getValue().toString()));
        for (RecordComponent component : type.getRecordComponents()) {
            if (!old.has(component.getName())) {
                assertThat(written.get(component.getName()).isNull()).as(component.getName() + " added since").isTrue();
            }
        }
        assertThat(EventSchemas.errors(type, written)).as("the read event against the current schema").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("olderRevisions")
    void shouldMapOldCloudEventType_whenTopicHoldsOlderRecords(Class<?> type, String older) {
        // given
        String oldType = EventSchemas.ceType(type, older);

        // when / then
        assertThat(EventCatalog.eventTypeOf(oldType)).contains(type);
        assertThat(EventCatalog.cloudEventType(type)).isNotEqualTo(oldType);
    }

    @Test
    void shouldReadInvoiceDistribution_whenRequestedIsRevision1() throws IOException {
        // given: a revision 1 request as the forwarder published it before orders could be sent
        JsonNode v1 = snapshot(DistributionRequested.class, "1");

        // when
        DistributionRequested read = JSON.treeToValue(v1, DistributionRequested.class);

        // then
        assertThat(read.invoiceId()).isEqualTo(SampleEvents.INVOICE);
        assertThat(read.orderId()).isNull();
        assertThat(read.layout()).isNull();
        assertThat(read.trigger()).isEqualTo(DistributionTrigger.SEND);
        assertThat(read.documentId()).isEqualTo(SampleEvents.INVOICE.value());
    }

    @Test
    void shouldRefuseBothOrNeitherDocument_whenRevision2IsValidated() {
        // given
        ObjectNode order = JSON.valueToTree(SampleEvents.full().get(DistributionRequested.class));
        ObjectNode both = order.deepCopy().put("invoiceId", SampleEvents.INVOICE.value());
        ObjectNode neither = order.deepCopy().putNull("orderId");
        ObjectNode invoiceWithLayout = JSON.valueToTree(SampleEvents.sparse().get(DistributionRequested.class));
        invoiceWithLayout.put("layout", "compact");

        // when / then
        assertThat(EventSchemas.errors(DistributionRequested.class, order)).isEmpty();
        assertThat(EventSchemas.errors(DistributionRequested.class, both)).isNotEmpty();
        assertThat(EventSchemas.errors(DistributionRequested.class, neither)).isNotEmpty();
        assertThat(EventSchemas.errors(DistributionRequested.class, invoiceWithLayout)).isNotEmpty();
    }

    private static JsonNode snapshot(Class<?> type, String revision) throws IOException {
        try (InputStream in = OlderRevisionsTest.class.getClassLoader()
                .getResourceAsStream("snapshots/" + EventSchemas.fileName(type, revision))) {
            assertThat(in).as("the approved snapshot of revision " + revision).isNotNull();
            return JSON.readTree(in);
        }
    }
}
