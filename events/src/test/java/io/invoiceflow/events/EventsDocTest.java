package io.invoiceflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/events.md} cannot drift from the contract: every event type, schema and example is checked. */
class EventsDocTest {
    /** Relative to the events module, where Maven runs its tests. */
    private static final Path DOC = Paths.get("..", "docs", "events.md");
    private static final Pattern LINK = Pattern.compile("\\]\\((\\.\\./[^)#\\s]+)\\)");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example: ([A-Za-z]+)\\.v([0-9]+) -->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL);

    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        assertThat(DOC).as("docs/events.md next to the events module").exists();
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
    }

    @Test
    void shouldMentionEveryCeType_whenDocIsRead() {
        // given
        List<String> ceTypes = EventCatalog.eventTypes().stream().map(EventSchemas::ceType).toList();

        // when
        List<String> missing = ceTypes.stream().filter(type -> !doc.contains("`" + type + "`")).toList();

        // then
        assertThat(ceTypes).contains("io.invoiceflow.invoice.InvoiceFinalized.v1",
                "io.invoiceflow.creditnote.CreditNoteIssued.v1");
        assertThat(missing).as("ce_types missing from docs/events.md").isEmpty();
    }

    @Test
    void shouldNotMentionUnknownCeType_whenDocIsRead() {
        // given
        List<String> known = EventCatalog.eventTypes().stream().flatMap(type -> Stream.concat(
                Stream.of(EventSchemas.ceType(type)),
                EventCatalog.olderRevisionsOf(type).stream().map(older -> EventSchemas.ceType(type, older)))).toList();
        Matcher mentioned = Pattern.compile("io\\.invoiceflow\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+").matcher(doc);

        // when
        List<String> unknown = new ArrayList<>();
        while (mentioned.find()) {
            if (!known.contains(mentioned.group())) {
                unknown.add(mentioned.group());
            }
        }

        // then
        assertThat(unknown).as("ce_types in docs/events.md that no event type has").isEmpty();
    }

    @Test
    void shouldLinkEverySchemaFile_whenDocIsRead() {
        // given
        List<String> schemaFiles = EventCatalog.eventTypes().stream().map(EventSchemas::fileName).toList();

        // when
        List<String> unlinked = schemaFiles.stream()
                .filter(file -> !doc.contains("(../events/src/main/resources/schemas/" + file + ")"))
                .toList();

        // then
        assertThat(unlinked).as("schema files docs/events.md does not link").isEmpty();
    }

    @Test
    void shouldPointToExistingFiles_whenDocLinksIntoRepository() {
        // given
        Matcher links = LINK.matcher(doc);

        // when
        List<String> broken = new ArrayList<>();
        int count = 0;
        while (links.find()) {
            count++;
            Path target = DOC.getParent().resolve(links.group(1)).normalize();
            if (!Files.exists(target)) {
                broken.add(links.group(1));
            }
        }

        // then
        assertThat(count).isGreaterThan(EventCatalog.eventTypes().size());
        assertThat(broken).as("links in docs/events.md to files that do not exist").isEmpty();
    }

    @Test
    void shouldNameTopicAndEveryHeader_whenDocIsRead() {
        // given
        List<String> names = List.of(Topics.INVOICING_EVENTS, "ce_specversion", "ce_id", "ce_type", "ce_source",
                "ce_subject", "ce_time", "content-type", "ce_tenantid", "ce_actor", "ce_requestid", "ce_sequence");

        // when
        List<String> missing = names.stream().filter(name -> !doc.contains("`" + name + "`")).toList();

        // then
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldBeValidEvent_whenDocExampleIsReadWithItsSchema() throws IOException {
        // given
        Matcher examples = EXAMPLE.matcher(doc);

        // when
        int count = 0;
        while (examples.find()) {
            count++;
            Class<?> type = eventType(examples.group(1), examples.group(2));
            JsonNode json = EventJson.mapper().readTree(examples.group(3));

            // then
            assertThat(EventSchemas.errors(type, json)).as("example " + examples.group(1)).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, type)).isEqualTo(SampleEvents.full(type));
        }
        assertThat(count).as("examples marked <!-- example: Name.vN --> in docs/events.md").isPositive();
    }

    private static Class<?> eventType(String simpleName, String revision) {
        return EventCatalog.eventTypes().stream()
                .filter(type -> type.getSimpleName().equals(simpleName)
                        && revision.equals(EventCatalog.revisionOf(type)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event type " + simpleName + " v" + revision));
    }
}
