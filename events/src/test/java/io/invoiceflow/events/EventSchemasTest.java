package io.invoiceflow.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.order.OrderInvoiced;
import io.invoiceflow.events.tenant.UserCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type has a JSON Schema, and what {@link EventJson} writes for it is valid against it. */
class EventSchemasTest {
    private static final ObjectMapper JSON = EventJson.mapper();

    static List<Class<?>> eventTypes() {
        return EventCatalog.eventTypes();
    }

    // ---- the catalogue, the revisions and the schema files agree

    @Test
    void shouldHaveSampleOfEveryVariant_whenEventTypeIsInCatalog() {
        // given
        List<Class<?>> catalog = EventCatalog.eventTypes();

        // when
        Set<Class<?>> full = SampleEvents.full().keySet();
        Set<Class<?>> sparse = SampleEvents.sparse().keySet();

        // then
        assertThat(full).containsExactlyInAnyOrderElementsOf(catalog);
        assertThat(sparse).containsExactlyInAnyOrderElementsOf(catalog);
    }

    @Test
    void shouldHaveRevision_whenEventTypeIsInCatalog() {
        // given
        List<Class<?>> catalog = EventCatalog.eventTypes();

        // when
        List<String> withoutRevision = catalog.stream()
                .filter(type -> type.getAnnotation(EventRevision.class) == null
                        || !EventCatalog.revisionOf(type).matches("[1-9][0-9]*"))
                .map(Class::getName)
                .toList();

        // then
        assertThat(catalog).isNotEmpty();
        assertThat(withoutRevision).as("event types without a positive integer @EventRevision").isEmpty();
    }

    @Test
    void shouldHaveSchemaFile_whenEventTypeIsInCatalog() throws IOException, URISyntaxException {
        // given
        Set<String> files = schemaFiles();

        // when
        List<String> missing = EventCatalog.eventTypes().stream()
                .map(EventSchemas::fileName)
                .filter(name -> !files.contains(name))
                .toList();

        // then
        assertThat(missing).as("event types without a schema file in schemas/").isEmpty();
    }

    @Test
    void shouldHaveEventType_whenSchemaFileExists() throws IOException, URISyntaxException {
        // given
        Set<String> expected = EventCatalog.eventTypes().stream()
                .map(EventSchemas::fileName)
                .collect(Collectors.toCollection(TreeSet::new));
        EventCatalog.eventTypes().forEach(type -> EventCatalog.olderRevisionsOf(type)
                .forEach(older -> expected.add(EventSchemas.fileName(type, older)))); // an old schema stays
        expected.add(EventSchemas.COMMON);

        // when
        Set<String> files = schemaFiles();

        // then
        assertThat(files).as("schema files without an event type (a removed event or a stale revision?)")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("schemaFileNames")
    void shouldBeValidDraft202012Schema_whenFileIsCheckedAgainstMetaSchema(String fileName) throws IOException {
        // given
        JsonNode schema = readSchemaFile(fileName);

        // when
        List<String> errors = EventSchemas.errors(EventSchemas.metaSchema(), schema);

        // then
        assertThat(errors).as(fileName + " against the 2020-12 meta-schema").isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.BASE_URI + fileName);
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldDescribeClosedObject_whenSchemaIsForEventType(Class<?> eventType) throws IOException {
        // given
        JsonNode schema = readSchemaFile(EventSchemas.fileName(eventType));

        // when
        Set<String> properties = fieldNames(schema.path("properties"));
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        // then
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue()).as("additionalProperties: false").isTrue();
        assertThat(properties).as("the record's components").containsExactlyInAnyOrderElementsOf(
                Stream.of(eventType.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(required).as("EventJson writes every property, null or not").isEqualTo(properties);
    }

    @Test
    void shouldCloseEveryObject_whenSharedShapeIsDefined() throws IOException {
        // given
        JsonNode defs = readSchemaFile(EventSchemas.COMMON).path("$defs");

        // when
        List<String> open = new ArrayList<>();
        defs.properties().forEach(def -> {
            JsonNode shape = def.getValue();
            if ("object".equals(shape.path("type").asText())
                    && !(shape.path("additionalProperties").isBoolean()
                    && !shape.path("additionalProperties").booleanValue())) {
                open.add(def.getKey());
            }
        });

        // then
        assertThat(defs.size()).isGreaterThan(10);
        assertThat(open).as("shared object shapes without additionalProperties: false").isEmpty();
    }

    // ---- samples are valid

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldMatchSchema_whenFullSampleIsSerialized(Class<?> eventType) {
        // given
        Object sample = SampleEvents.full().get(eventType);

        // when
        List<String> errors = EventSchemas.errors(eventType, JSON.valueToTree(sample));

        // then
        assertThat(errors).as("schema errors of " + eventType.getSimpleName()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldMatchSchema_whenOptionalFieldsAreNull(Class<?> eventType) {
        // given
        Object sample = SampleEvents.sparse().get(eventType);

        // when
        List<String> errors = EventSchemas.errors(eventType, JSON.valueToTree(sample));

        // then
        assertThat(errors).as("schema errors of the sparse " + eventType.getSimpleName()).isEmpty();
    }

    // ---- a shape change is caught

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldRejectEvent_whenAnyObjectGainsProperty(Class<?> eventType) {
        // given
        JsonNode json = JSON.valueToTree(SampleEvents.full().get(eventType));

        // when
        List<String> accepted = new ArrayList<>();
        for (JsonPointer object : objectPointers(json, JsonPointer.empty())) {
            JsonNode changed = json.deepCopy();
            ((ObjectNode) changed.at(object)).put("addedInANewRevision", "x");
            if (EventSchemas.errors(eventType, changed).isEmpty()) {
                accepted.add(object.toString().isEmpty() ? "/" : object.toString());
            }
        }

        // then
        assertThat(accepted).as("objects that accept an unknown property").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldRejectEvent_whenAnyPropertyIsMissing(Class<?> eventType) {
        // given
        JsonNode json = JSON.valueToTree(SampleEvents.full().get(eventType));

        // when
        List<String> accepted = new ArrayList<>();
        for (JsonPointer object : objectPointers(json, JsonPointer.empty())) {
            for (String name : fieldNames(json.at(object))) {
                JsonNode changed = json.deepCopy();
                ((ObjectNode) changed.at(object)).remove(name);
                if (EventSchemas.errors(eventType, changed).isEmpty()) {
                    accepted.add(object + "/" + name);
                }
            }
        }

        // then
        assertThat(accepted).as("properties that may be left out").isEmpty();
    }

    @Test
    void shouldRejectDecimal_whenWrittenAsJsonNumberOrInExponentNotation() {
        // given
        ObjectNode asNumber = JSON.valueToTree(SampleEvents.full(InvoicePaid.class));
        asNumber.put("amount", 11718.75);
        ObjectNode asExponent = JSON.valueToTree(SampleEvents.full(InvoicePaid.class));
        asExponent.put("amount", "1E+3");

        // when
        Set<String> numberErrors = EventSchemas.errorLocations(InvoicePaid.class, asNumber);
        Set<String> exponentErrors = EventSchemas.errorLocations(InvoicePaid.class, asExponent);

        // then
        assertThat(numberErrors).contains("/amount");
        assertThat(exponentErrors).contains("/amount");
    }

    @Test
    void shouldRejectDates_whenNotIso8601() {
        // given
        ObjectNode json = JSON.valueToTree(SampleEvents.full(InvoiceFinalized.class));
        json.put("invoiceDate", "25.11.2026");
        json.put("finalizedAt", "2026-11-25 09:30");

        // when
        Set<String> errors = EventSchemas.errorLocations(InvoiceFinalized.class, json);

        // then
        assertThat(errors).contains("/invoiceDate");
        assertThat(errors).contains("/finalizedAt");
    }

    @Test
    void shouldRejectIds_whenNotLowerCaseUuids() {
        // given
        ObjectNode json = JSON.valueToTree(SampleEvents.full(OrderInvoiced.class));
        json.put("orderId", SampleEvents.ORDER.value().toUpperCase(java.util.Locale.ROOT));
        json.put("invoiceId", "INV-1001");

        // when
        Set<String> errors = EventSchemas.errorLocations(OrderInvoiced.class, json);

        // then
        assertThat(errors).contains("/orderId");
        assertThat(errors).contains("/invoiceId");
    }

    @Test
    void shouldRejectOrigin_whenSourceIdContradictsKind() {
        // given
        ObjectNode scratchWithSource = JSON.valueToTree(SampleEvents.full(InvoiceDrafted.class));
        ((ObjectNode) scratchWithSource.path("origin")).put("kind", "SCRATCH");
        ObjectNode cloneWithoutSource = JSON.valueToTree(SampleEvents.full(InvoiceDrafted.class));
        ((ObjectNode) cloneWithoutSource.path("origin")).put("kind", "CLONE").putNull("sourceId");

        // when
        Set<String> scratchErrors = EventSchemas.errorLocations(InvoiceDrafted.class, scratchWithSource);
        Set<String> cloneErrors = EventSchemas.errorLocations(InvoiceDrafted.class, cloneWithoutSource);

        // then
        assertThat(scratchErrors).contains("/origin/sourceId");
        assertThat(cloneErrors).contains("/origin/sourceId");
    }

    @Test
    void shouldRejectRoles_whenUnknownOrRepeated() {
        // given
        ObjectNode unknown = JSON.valueToTree(SampleEvents.full(UserCreated.class));
        unknown.putArray("roles").add("SUPERUSER");
        ObjectNode repeated = JSON.valueToTree(SampleEvents.full(UserCreated.class));
        repeated.putArray("roles").add(new TextNode("ADMIN")).add("ADMIN");

        // when
        Set<String> unknownErrors = EventSchemas.errorLocations(UserCreated.class, unknown);
        Set<String> repeatedErrors = EventSchemas.errorLocations(UserCreated.class, repeated);

        // then
        assertThat(unknownErrors).contains("/roles/0");
        assertThat(repeatedErrors).contains("/roles");
    }

    // ---- helpers

    static Stream<String> schemaFileNames() throws IOException, URISyntaxException {
        return schemaFiles().stream();
    }

    /** The files in {@code schemas/} on the class path (target/classes when run by Maven). */
    private static Set<String> schemaFiles() throws IOException, URISyntaxException {
        URL dir = EventSchemasTest.class.getClassLoader().getResource(EventSchemas.RESOURCE_DIR);
        assertThat(dir).as("schemas/ on the class path").isNotNull();
        Path path = Paths.get(dir.toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static JsonNode readSchemaFile(String fileName) throws IOException {
        try (InputStream in = EventSchemasTest.class.getClassLoader()
                .getResourceAsStream(EventSchemas.RESOURCE_DIR + fileName)) {
            assertThat(in).as(fileName + " on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    /** The pointers of every object in the tree, the root included, through arrays too. */
    private static List<JsonPointer> objectPointers(JsonNode node, JsonPointer at) {
        List<JsonPointer> found = new ArrayList<>();
        if (node.isObject()) {
            found.add(at);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                found.addAll(objectPointers(field.getValue(), at.appendProperty(field.getKey())));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(objectPointers(node.get(i), at.appendIndex(i)));
            }
        }
        return found;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
