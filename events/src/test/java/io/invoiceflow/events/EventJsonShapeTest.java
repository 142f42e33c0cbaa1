package io.invoiceflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.InvoiceVoided;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.product.ProductAdded;
import io.invoiceflow.events.product.ProductDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pins the JSON of every event type to an approved snapshot ({@code snapshots/<Event>.v<rev>.json}),
 * so that a change of a record, of a shared shape or of {@link EventJson} cannot slip through.
 *
 * <p>A new event type or revision needs a new snapshot: run the build once with
 * {@code -Dinvoiceflow.snapshots.approve=true} to write the missing ones into
 * {@code src/test/resources/snapshots/}, review them, and keep them. Existing snapshots are never
 * overwritten: an approved shape only changes through a new revision.
 */
class EventJsonShapeTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Path SNAPSHOT_SOURCES = Paths.get("src", "test", "resources", "snapshots");

    static List<Class<?>> eventTypes() {
        return EventCatalog.eventTypes();
    }

    // ---- snapshots

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldMatchApprovedSnapshot_whenSampleIsSerialized(Class<?> eventType) throws IOException {
        // given
        JsonNode approved = approvedSnapshot(eventType);

        // when
        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(SampleEvents.full(eventType)));

        // then
        assertThat(written).as("JSON of %s against its approved snapshot", eventType.getSimpleName())
                .isEqualTo(approved);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldReadBackSample_whenSnapshotIsDeserialized(Class<?> eventType) throws IOException {
        // given
        JsonNode approved = approvedSnapshot(eventType);

        // when
        Object read = JSON.treeToValue(approved, eventType);

        // then
        assertThat(read).isEqualTo(SampleEvents.full(eventType));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldRoundTrip_whenOptionalFieldsAreNull(Class<?> eventType) throws IOException {
        // given
        Object sparse = SampleEvents.sparse().get(eventType);

        // when
        byte[] written = JSON.writeValueAsBytes(sparse);
        Object read = JSON.readValue(written, eventType);

        // then
        assertThat(read).isEqualTo(sparse);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldWritePropertiesInAlphabeticalOrder_whenEventIsSerialized(Class<?> eventType) throws IOException {
        // given
        Object sample = SampleEvents.full(eventType);

        // when
        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(sample));

        // then
        assertSortedObjects(written, "$");
    }

    // ---- the codec's promises

    @Test
    void shouldWriteDecimalsAsPlainStrings_whenValueHasExponent() throws IOException {
        // given
        InvoicePaid paid = new InvoicePaid(SampleEvents.INVOICE, SampleEvents.TENANT, LocalDate.of(2026, 11, 25),
                new BigDecimal("1E+3"), "NOK");
        ProductAdded tiny = new ProductAdded(SampleEvents.TENANT, SampleEvents.PRODUCT,
                new ProductDetails("Sensor reading", "pcs", new BigDecimal("1E-7"), new BigDecimal("25")));

        // when
        String paidJson = JSON.writeValueAsString(paid);
        String tinyJson = JSON.writeValueAsString(tiny);

        // then
        assertThat(paidJson).contains("\"amount\":\"1000\"").doesNotContain("E+").doesNotContain("1E3");
        assertThat(tinyJson).contains("\"unitPrice\":\"0.0000001\"").doesNotContain("E-");
        assertThat(JSON.readTree(paidJson).path("amount").isTextual()).isTrue();
    }

    @Test
    void shouldKeepScale_whenDecimalIsWritten() throws IOException {
        // given
        InvoicePaid paid = new InvoicePaid(SampleEvents.INVOICE, SampleEvents.TENANT, LocalDate.of(2026, 11, 25),
                new BigDecimal("1250.50"), "NOK");

        // when
        JsonNode json = JSON.readTree(JSON.writeValueAsString(paid));

        // then
        assertThat(json.path("amount").asText()).isEqualTo("1250.50");
    }

    @Test
    void shouldWriteIsoStrings_whenEventHasDateAndInstant() throws IOException {
        // given
        InvoiceFinalized finalized = new InvoiceFinalized(SampleEvents.INVOICE, SampleEvents.TENANT, "INV-1001", 1001,
                LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 9), "NOK",
                ((InvoiceFinalized) SampleEvents.full(InvoiceFinalized.class)).totals(),
                Instant.parse("2026-11-25T09:30:00Z"));

        // when
        JsonNode json = JSON.readTree(JSON.writeValueAsString(finalized));

        // then
        assertThat(json.path("invoiceDate").isTextual()).isTrue();
        assertThat(json.path("invoiceDate").asText()).isEqualTo("2026-11-25");
        assertThat(json.path("dueDate").asText()).isEqualTo("2026-12-09");
        assertThat(json.path("finalizedAt").asText()).isEqualTo("2026-11-25T09:30:00Z");
    }

    @Test
    void shouldWriteNull_whenOptionalFieldIsAbsent() throws IOException {
        // given
        InvoiceVoided voided = new InvoiceVoided(SampleEvents.INVOICE, SampleEvents.TENANT, null);

        // when
        JsonNode json = JSON.readTree(JSON.writeValueAsString(voided));

        // then
        assertThat(json.has("reason")).isTrue();
        assertThat(json.path("reason").isNull()).isTrue();
    }

    @Test
    void shouldReadEvent_whenJsonHasUnknownProperties() throws IOException {
        // given: a newer revision that added properties, at the top and inside a shared shape
        ObjectNode newer = JSON.valueToTree(SampleEvents.full(OrderCreated.class));
        newer.put("salesChannel", "web");
        ((ObjectNode) newer.path("content").path("lines").get(0)).put("costCentre", "4020");
        ((ObjectNode) newer.path("content").path("customer")).putObject("deliveryAddress").put("city", "Bergen");

        // when
        OrderCreated read = JSON.treeToValue(newer, OrderCreated.class);

        // then
        assertThat(read).isEqualTo(SampleEvents.full(OrderCreated.class));
    }

    // ---- helpers

    private static JsonNode approvedSnapshot(Class<?> eventType) throws IOException {
        String name = EventSchemas.fileName(eventType);
        try (InputStream in = EventJsonShapeTest.class.getClassLoader().getResourceAsStream("snapshots/" + name)) {
            if (in != null) {
                return JSON.readTree(in);
            }
        }
        if (!Boolean.getBoolean("invoiceflow.snapshots.approve")) {
            fail("no approved snapshot snapshots/" + name + " for " + eventType.getName()
                    + "; run once with -Dinvoiceflow.snapshots.approve=true, review the file and keep it");
        }
        Path file = SNAPSHOT_SOURCES.resolve(name);
        if (!Files.exists(file)) {
            Files.createDirectories(SNAPSHOT_SOURCES);
            ObjectMapper pretty = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(file, pretty.writeValueAsString(SampleEvents.full(eventType)) + "\n",
                    StandardCharsets.UTF_8);
        }
        return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void assertSortedObjects(JsonNode node, String path) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("property order at " + path).isSorted();
            node.properties().forEach(p -> assertSortedObjects(p.getValue(), path + "." + p.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSortedObjects(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
