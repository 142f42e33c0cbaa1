package io.invoiceflow.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.recurring.SubscriberInput;
import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.web.WebApp;
import io.invoiceflow.web.api.DistributionImports;
import io.invoiceflow.web.api.DistributionList;
import io.invoiceflow.web.api.Frequencies;
import io.invoiceflow.web.api.Requests;
import io.invoiceflow.web.api.Settings;
import io.invoiceflow.web.http.Json;
import io.invoiceflow.web.http.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Keeps {@code openapi.json} honest: every route {@link WebApp#routes()} registers is documented under the same
 * method and path template and nothing else is, every operation is complete, every {@code $ref} resolves, the
 * documented bodies have the fields of the records they bind to, and the request examples bind.
 */
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head",
            "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final ObjectMapper PLAIN = new ObjectMapper();
    /** The API's own strict reader: examples must bind exactly like real requests. */
    private static final ObjectMapper API = Json.newMapper();

    /** Which record each documented body binds to (request bodies) or is written from (responses). */
    private static final Map<String, Class<?>> BOUND_RECORDS = Map.ofEntries(
            Map.entry("TenantProfile", TenantProfile.class),
            Map.entry("Address", Address.class),
            Map.entry("Contact", Contact.class),
            Map.entry("NumberSeries", NumberSeries.class),
            Map.entry("DiscountInput", Discount.class),
            Map.entry("Discount", Discount.class),
            Map.entry("PaymentTermsInput", PaymentTerms.class),
            Map.entry("PaymentTerms", PaymentTerms.class),
            Map.entry("LineInput", LineInput.class),
            Map.entry("Line", Line.class),
            Map.entry("VatLine", VatLine.class),
            Map.entry("Totals", Totals.class),
            Map.entry("CustomerSnapshot", CustomerSnapshot.class),
            Map.entry("InvoiceOrigin", InvoiceOrigin.class),
            Map.entry("InvoiceDraft", InvoiceDraft.class),
            Map.entry("OrderDraft", OrderDraft.class),
            Map.entry("CustomerDetails", CustomerDetails.class),
            Map.entry("ProductDetails", ProductDetails.class),
            Map.entry("NewCustomer", Requests.NewCustomer.class),
            Map.entry("NewProduct", Requests.NewProduct.class),
            Map.entry("NewUser", Requests.NewUser.class),
            Map.entry("Reason", Requests.Reason.class),
            Map.entry("Payment", Requests.Payment.class),
            Map.entry("Credit", Requests.Credit.class),
            Map.entry("InvoiceOrderRequest", Requests.InvoiceOrder.class),
            Map.entry("Send", Requests.Send.class),
            Map.entry("SendOrder", Requests.SendOrder.class),
            Map.entry("ClockMove", Requests.ClockMove.class),
            Map.entry("MorningRunDate", Requests.MorningRunDate.class),
            Map.entry("CreditNote", CreditNoteIssued.class),
            Map.entry("FrequencyPattern", FrequencyPattern.class),
            Map.entry("FrequencyEnd", FrequencyEnd.class),
            Map.entry("NewFrequency", Requests.NewFrequency.class),
            Map.entry("FrequencySchedule", Requests.FrequencySchedule.class),
            Map.entry("FrequencyRename", Requests.FrequencyRename.class),
            Map.entry("FrequencyPreviewRequest", Requests.FrequencyPreview.class),
            Map.entry("FrequencyView", Frequencies.Row.class),
            Map.entry("DistributionEmail", Requests.DistributionEmail.class),
            Map.entry("DistributionEntry", DistributionList.Entry.class),
            Map.entry("DistributionPage", DistributionList.Page.class),
            Map.entry("DistributionImportReport", DistributionImports.Report.class),
            Map.entry("DistributionImportRejection", DistributionImports.Rejection.class),
            Map.entry("PaymentSettings", PaymentSettings.class),
            Map.entry("KidScheme", KidScheme.class),
            Map.entry("DefaultLayouts", DefaultLayouts.class),
            Map.entry("CustomerLayoutRequest", Requests.CustomerLayout.class),
            Map.entry("CustomerLayout", Settings.CustomerLayout.class),
            Map.entry("Layouts", Settings.Layouts.class),
            Map.entry("ContentRef", ContentRef.class),
            Map.entry("TemplateBody", Requests.TemplateBody.class),
            Map.entry("TemplateSummary", Settings.TemplateSummary.class),
            Map.entry("TemplateList", Settings.TemplateList.class),
            Map.entry("TemplateView", Settings.TemplateView.class),
            Map.entry("EmailTemplateBody", Requests.EmailTemplateBody.class),
            Map.entry("EmailTemplateView", Settings.EmailTemplateView.class),
            Map.entry("EmailTemplateList", Settings.EmailTemplateList.class),
            Map.entry("EmailField", Settings.EmailField.class),
            Map.entry("SenderAccountBody", Requests.SenderAccountBody.class),
            Map.entry("SenderAccountView", Settings.SenderAccountView.class),
            Map.entry("TestEmail", Requests.TestEmail.class),
            Map.entry("TestEmailResult", Settings.TestEmailResult.class),
            Map.entry("MakeRecurring", Requests.MakeRecurring.class),
            Map.entry("NewSubscription", Requests.NewSubscription.class),
            Map.entry("SubscriberInput", SubscriberInput.class),
            Map.entry("SubscriberEnd", Requests.SubscriberEnd.class),
            Map.entry("FieldViolation", FieldViolation.class),
            Map.entry("Problem", Problem.class));

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = WebApp.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the web module's classpath").isNotNull();
            document = PLAIN.readTree(in);
        }
    }

    @Test
    void shouldDeclareOpenApi31() {
        // given the document

        // when reading its version
        String version = document.path("openapi").asText("");

        // then it is 3.1.x
        assertThat(version).startsWith("3.1");
    }

    @Test
    void shouldDocumentEveryRegisteredRoute_whenRoutesAreListed() {
        // given the routes the API registers
        List<WebApp.Route> routes = WebApp.routes();

        // when looking each one up in the document
        List<String> missing = routes.stream()
                .filter(route -> !document.path("paths").path(route.path()).has(route.method().toLowerCase(Locale.ROOT)))
                .map(route -> route.method() + " " + route.path())
                .toList();

        // then none is missing
        assertThat(routes).isNotEmpty();
        assertThat(missing).as("routes without an operation in openapi.json").isEmpty();
    }

    @Test
    void shouldDocumentOnlyRegisteredRoutes_whenOperationsAreListed() {
        // given the routes the API registers
        Set<String> registered = WebApp.routes().stream()
                .map(route -> route.method().toUpperCase(Locale.ROOT) + " " + route.path())
                .collect(Collectors.toSet());

        // when listing the documented operations
        List<String> unknown = operations().stream()
                .map(o -> o.method().toUpperCase(Locale.ROOT) + " " + o.path())
                .filter(operation -> !registered.contains(operation))
                .toList();

        // then each of them is a registered route
        assertThat(unknown).as("documented operations that WebApp does not register").isEmpty();
    }

    @Test
    void shouldHaveSummaryAndResponses_forEveryOperation() {
        // given every documented operation
        List<String> incomplete = new ArrayList<>();

        // when checking summary, responses and response descriptions
        for (Operation o : operations()) {
            if (o.node().path("summary").asText("").isBlank()) {
                incomplete.add(o + ": no summary");
            }
            JsonNode responses = o.node().path("responses");
            if (!responses.isObject() || responses.isEmpty()) {
                incomplete.add(o + ": no responses");
            }
            responses.properties().forEach(r -> {
                if (resolve(r.getValue()).path("description").asText("").isBlank()) {
                    incomplete.add(o + ": response " + r.getKey() + " has no description");
                }
            });
        }

        // then none is incomplete
        assertThat(incomplete).isEmpty();
    }

    @Test
    void shouldRequireBearerAuth_forEveryApiOperation() {
        // given the bearer scheme
        assertThat(document.at("/components/securitySchemes/bearerAuth/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");

        // when checking the security of every /api operation
        List<String> unsecured = operations().stream()
                .filter(o -> o.path().startsWith(WebApp.API + "/"))
                .filter(o -> !requiresBearer(o.node().has("security") ? o.node().get("security") : document.path("security")))
                .map(Operation::toString)
                .toList();

        // then each one requires it
        assertThat(unsecured).as("/api operations without bearerAuth security").isEmpty();
    }

    @Test
    void shouldAnswerProblemJson_forEveryErrorResponse() {
        // given every 4xx and 5xx response
        List<String> wrong = new ArrayList<>();
        for (Operation o : operations()) {
            o.node().path("responses").properties().forEach(r -> {
                if (!r.getKey().startsWith("4") && !r.getKey().startsWith("5") || o.path().startsWith("/health/")) {
                    return;
                }
                // when looking at its content
                JsonNode schema = resolve(r.getValue()).path("content").path(Problem.CONTENT_TYPE).path("schema");

                // then it is a Problem sent as application/problem+json
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    wrong.add(o + " " + r.getKey());
                }
            });
        }
        assertThat(wrong).as("error responses that are not application/problem+json Problems").isEmpty();
    }

    @Test
    void shouldResolveEveryRefInsideTheDocument() {
        // given every $ref in the document
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        // when resolving each as a JSON pointer into the document
        List<String> unresolved = refs.stream().filter(ref -> pointer(ref) == null || document.at(pointer(ref)).isMissingNode())
                .distinct()
                .toList();

        // then all of them resolve
        assertThat(refs).isNotEmpty();
        assertThat(unresolved).as("$refs that do not resolve inside openapi.json").isEmpty();
    }

    @Test
    void shouldDeclareEveryPathParameter_forEveryTemplateVariable() {
        // given every documented path with its template variables
        List<String> mismatches = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            Set<String> variables = new TreeSet<>();
            Matcher m = TEMPLATE_VARIABLE.matcher(path.getKey());
            while (m.find()) {
                variables.add(m.group(1));
            }
            path.getValue().properties().forEach(entry -> {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    return;
                }
                // when collecting the path parameters of each operation (its own and its path's)
                Set<String> declared = new TreeSet<>();
                Stream.of(path.getValue().path("parameters"), entry.getValue().path("parameters"))
                        .flatMap(list -> stream(list.elements()))
                        .map(OpenApiDocumentTest::resolve)
                        .filter(p -> "path".equals(p.path("in").asText()))
                        .forEach(p -> {
                            declared.add(p.path("name").asText());
                            if (!p.path("required").asBoolean(false)) {
                                mismatches.add(entry.getKey() + " " + path.getKey() + ": " + p.path("name").asText()
                                        + " is not required");
                            }
                        });

                // then they are exactly the template's variables
                if (!declared.equals(variables)) {
                    mismatches.add(entry.getKey() + " " + path.getKey() + ": declares " + declared + ", template has "
                            + variables);
                }
            });
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void shouldUseUniqueOperationIds() {
        // given every operation id
        List<String> ids = operations().stream().map(o -> o.node().path("operationId").asText("")).toList();

        // when looking for duplicates
        Set<String> seen = new HashSet<>();
        List<String> duplicates = ids.stream().filter(id -> !seen.add(id)).toList();

        // then there are none and none is blank
        assertThat(ids).doesNotContain("");
        assertThat(duplicates).isEmpty();
    }

    static Stream<Arguments> boundRecords() {
        return BOUND_RECORDS.entrySet().stream().map(e -> arguments(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundRecords")
    void shouldHaveTheRecordsFields_forEveryDocumentedBody(String schemaName, Class<?> record) {
        // given the documented schema
        JsonNode schema = document.path("components").path("schemas").path(schemaName);
        assertThat(schema.isObject()).as("schema " + schemaName).isTrue();

        // when comparing its properties with the record's components
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        // then they are the same names
        assertThat(documented).isEqualTo(components);
    }

    @Test
    void shouldBindEveryRequestExample_withTheApisStrictReader() {
        // given every example of a JSON request body and of a problem response
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation o : operations()) {
            List<JsonNode> media = new ArrayList<>();
            media.add(resolve(o.node().path("requestBody")).path("content").path("application/json"));
            o.node().path("responses").forEach(r -> media.add(resolve(r).path("content").path(Problem.CONTENT_TYPE)));
            for (JsonNode content : media) {
                String schemaRef = content.path("schema").path("$ref").asText("");
                Class<?> type = BOUND_RECORDS.get(schemaRef.substring(schemaRef.lastIndexOf('/') + 1));
                List<JsonNode> examples = new ArrayList<>();
                if (content.has("example")) {
                    examples.add(content.get("example"));
                }
                content.path("examples").forEach(example -> examples.add(resolve(example).path("value")));
                for (JsonNode example : examples) {
                    // when binding it to the record the body is read into
                    checked++;
                    if (type == null) {
                        failures.add(o + ": no record known for " + schemaRef);
                        continue;
                    }
                    try {
                        API.treeToValue(example, type);
                    } catch (IOException | RuntimeException e) {
                        failures.add(o + ": example does not bind to " + type.getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
        }

        // then every one binds
        assertThat(checked).isPositive();
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldGiveExamples_forCreatingATenantAndAnInvoice() {
        // given the two main requests
        JsonNode tenantExamples = document.at("/paths/~1api~1v1~1tenants/post/requestBody/content/application~1json/examples");
        JsonNode invoiceExamples = document.at("/paths/~1api~1v1~1tenants~1{tenantId}~1invoices/post/requestBody/content/application~1json/examples");

        // when looking at the invoice example's lines
        List<JsonNode> lines = new ArrayList<>();
        invoiceExamples.forEach(example -> example.path("value").path("lines").forEach(lines::add));

        // then there is a tenant example and an invoice with a catalogue line and a custom line with a percent discount
        assertThat(tenantExamples.size()).isPositive();
        assertThat(lines).anySatisfy(line -> assertThat(line.hasNonNull("productCode")).isTrue());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.hasNonNull("productCode")).isFalse();
            assertThat(line.path("discount").path("type").asText()).isEqualTo("PERCENT");
        });
    }

    // ---- helpers

    private record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (HTTP_METHODS.contains(entry.getKey())) {
                operations.add(new Operation(entry.getKey(), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    private static boolean requiresBearer(JsonNode security) {
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (!requirement.has("bearerAuth")) {
                return false; // an alternative without the bearer token would let callers in without it
            }
        }
        return true;
    }

    /** A Reference Object's target, or the node itself. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new LinkedHashSet<>();
        while (current.has("$ref") && current.get("$ref").isTextual() && seen.add(current.get("$ref").asText())) {
            String pointer = pointer(current.get("$ref").asText());
            if (pointer == null) {
                return current;
            }
            current = document.at(pointer);
        }
        return current;
    }

    /** The JSON pointer of a document-local {@code #/...} reference, or null for anything else. */
    private static String pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        return URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list.stream();
    }
}
