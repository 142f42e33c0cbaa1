package io.invoiceflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Loads the contract's JSON Schemas from the class path ({@code schemas/}) the way a Java consumer
 * would: their {@code $id}s ({@code https://invoiceflow.io/schemas/...}) are mapped to class path
 * resources, so {@code $ref}s into {@code common.json} resolve without any network access (anything
 * outside the class path is refused). Format assertions ({@code date}, {@code date-time},
 * {@code uuid}) are switched on: in draft 2020-12 they are only annotations by default.
 */
final class EventSchemas {
    static final String BASE_URI = "https://invoiceflow.io/schemas/";
    static final String RESOURCE_DIR = "schemas/";
    static final String COMMON = "common.json";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder
                    .schemaMappers(mappers -> mappers.mapPrefix(BASE_URI, "classpath:" + RESOURCE_DIR))
                    .schemaLoaders(loaders -> loaders.add(
                            new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private EventSchemas() {
    }

    /** {@code InvoiceFinalized.v1.json} */
    static String fileName(Class<?> eventType) {
        return fileName(eventType, EventCatalog.revisionOf(eventType));
    }

    /** {@code DistributionRequested.v1.json}: the schema of a given revision. */
    static String fileName(Class<?> eventType, String revision) {
        return eventType.getSimpleName() + ".v" + revision + ".json";
    }

    /** {@code io.invoiceflow.invoice.InvoiceFinalized.v1}: the CloudEvents type the forwarder writes. */
    static String ceType(Class<?> eventType) {
        return ceType(eventType, EventCatalog.revisionOf(eventType));
    }

    static String ceType(Class<?> eventType, String revision) {
        return "io.invoiceflow." + EventCatalog.aggregateKindOf(eventType) + "." + eventType.getSimpleName()
                + ".v" + revision;
    }

    static JsonSchema schemaOf(Class<?> eventType) {
        return schema(fileName(eventType));
    }

    static JsonSchema schema(String fileName) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE_URI + fileName), CONFIG);
        schema.initializeValidators();
        return schema;
    }

    /** The 2020-12 meta-schema, to check that a schema file is itself a valid schema. */
    static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    }

    /** Every error of {@code json} against the schema, one readable line each; empty when valid. */
    static List<String> errors(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }

    static List<String> errors(Class<?> eventType, JsonNode json) {
        return errors(schemaOf(eventType), json);
    }

    /** The JSON Pointers ({@code /origin/sourceId}) of the places where {@code json} breaks the schema. */
    static Set<String> errorLocations(Class<?> eventType, JsonNode json) {
        return schemaOf(eventType).validate(json).stream()
                .map(error -> error.getInstanceLocation().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
