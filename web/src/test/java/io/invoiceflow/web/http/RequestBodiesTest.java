package io.invoiceflow.web.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.events.DomainException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.invoiceflow.web.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RequestBodiesTest {

    enum Terms { NET_10, NET_30 }

    /** A value object that validates itself, bound from a plain JSON string. */
    record Reference(String value) {
        @JsonCreator
        Reference {
            if (!value.matches("[A-Z]{3}-\\d+")) {
                throw DomainException.invalid("reference", "format", "reference must look like ABC-123");
            }
        }

        @JsonValue
        @Override
        public String value() {
            return value;
        }
    }

    record Line(String description, BigDecimal quantity) {
        Line {
            if (description != null && description.isBlank()) {
                throw new IllegalArgumentException("description must not be blank");
            }
            if (quantity != null && quantity.signum() <= 0) {
                throw DomainException.invalid("quantity", "positive", "quantity must be positive");
            }
        }
    }

    record Order(String customerNumber, LocalDate orderDate, int priority, Terms terms, Reference reference,
                 List<Line> lines) {
        Order {
            if (customerNumber == null) {
                throw DomainException.invalid("customerNumber", "required", "customerNumber is required");
            }
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(cfg -> cfg.routes.post("/orders", ctx -> ctx.json(RequestBodies.read(ctx, Order.class))));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldBindExactDecimalsAndWriteThemAsStrings_whenBodyIsValid() {
        // given
        String body = """
                {"customerNumber": "C-1", "orderDate": "2025-01-31", "priority": 2, "terms": "NET_30",
                 "reference": "ABC-42",
                 "lines": [{"description": "Hours", "quantity": 12.50}, {"quantity": "0.10"}, {"quantity": 3}]}
                """;

        // when
        HttpResponse<String> response = server.postJson("/orders", body);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode order = json(response);
        assertThat(order.get("orderDate").textValue()).isEqualTo("2025-01-31");
        assertThat(order.get("reference").textValue()).isEqualTo("ABC-42");
        assertThat(order.get("lines").findValuesAsText("quantity")).containsExactly("12.50", "0.10", "3");
    }

    @Test
    void shouldAnswerProblemWithLineAndColumn_whenJsonIsMalformed() {
        // given
        String body = "{\n  \"customerNumber\": \"C-1\",\n}";

        // when
        HttpResponse<String> response = server.postJson("/orders", body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").textValue()).isEqualTo("https://invoiceflow.io/problems/invalid-input");
        assertThat(problem.get("title").textValue()).isEqualTo("Invalid input");
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("code").textValue()).isEqualTo("INVALID_INPUT");
        assertThat(problem.get("instance").textValue()).isEqualTo("/orders");
        assertThat(problem.get("requestId").textValue()).isNotBlank();
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").textValue()).isEqualTo("$");
        assertThat(error.get("rule").textValue()).isEqualTo("malformed-json");
        assertThat(error.get("message").textValue()).contains("line 3, column 1");
    }

    @Test
    void shouldNameNestedPath_whenConstructorOfNestedRecordRefusesValue() {
        // given
        String body = """
                {"customerNumber": "C-1", "priority": 1, "lines": [{"quantity": 1}, {"quantity": -2}]}
                """;

        // when
        HttpResponse<String> response = server.postJson("/orders", body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("detail").textValue()).isEqualTo("quantity must be positive");
        assertThat(problem.get("errors")).hasSize(1);
        assertError(problem.get("errors").get(0), "lines[1].quantity", "positive", "quantity must be positive");
    }

    @Test
    void shouldListAllowedValues_whenEnumValueIsUnknown() {
        // given
        String body = """
                {"customerNumber": "C-1", "priority": 1, "terms": "NET_7"}
                """;

        // when
        HttpResponse<String> response = server.postJson("/orders", body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertError(json(response).get("errors").get(0), "terms", "invalid-value", "terms must be one of [NET_10, NET_30]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void shouldNameFieldAndRule_whenBodyDoesNotBind(String condition, String body, String field, String rule, String message) {
        // given a body with one defect

        // when
        HttpResponse<String> response = server.postJson("/orders", body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").textValue()).isEqualTo("INVALID_INPUT");
        assertThat(problem.get("errors")).hasSize(1);
        assertError(problem.get("errors").get(0), field, rule, message);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("trailing content", "{\"customerNumber\": \"C-1\"} {}", "$", "malformed-json", "line 1"),
                arguments("duplicate key", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"customerNumber\": \"C-2\"}", "$", "malformed-json", "Duplicate field 'customerNumber'"),
                arguments("literal null body", "null", "$", "required", "request body must not be null"),
                arguments("array as body", "[]", "$", "wrong-type", "request body must not be an array"),
                arguments("unknown field", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"colour\": \"red\"}", "colour", "unknown-field", "colour is not a known field; known fields: [customerNumber, lines, orderDate, priority, reference, terms]"),
                arguments("unknown nested field", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"lines\": [{\"qty\": 1}]}", "lines[0].qty", "unknown-field", "lines[0].qty is not a known field; known fields: [description, quantity]"),
                arguments("missing required field", "{\"priority\": 1}", "customerNumber", "required", "customerNumber is required"),
                arguments("missing primitive", "{\"customerNumber\": \"C-1\"}", "priority", "required", "priority is required"),
                arguments("null for primitive", "{\"customerNumber\": \"C-1\", \"priority\": null}", "priority", "required", "priority is required"),
                arguments("string for integer", "{\"customerNumber\": \"C-1\", \"priority\": \"12\"}", "priority", "wrong-type", "priority must be an integer, not a string"),
                arguments("decimal for integer", "{\"customerNumber\": \"C-1\", \"priority\": 1.5}", "priority", "wrong-type", "priority must be an integer, not a decimal number"),
                arguments("integer out of range", "{\"customerNumber\": \"C-1\", \"priority\": 99999999999}", "priority", "invalid-value", "priority is out of range"),
                arguments("number for string", "{\"customerNumber\": 42}", "customerNumber", "wrong-type", "customerNumber must be a string, not an integer"),
                arguments("object for array", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"lines\": {}}", "lines", "wrong-type", "lines must be an array, not an object"),
                arguments("string for object", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"lines\": [\"one\"]}", "lines[0]", "wrong-type", "lines[0] must not be a string"),
                arguments("boolean for nested decimal", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"lines\": [{}, {\"quantity\": true}]}", "lines[1].quantity", "wrong-type", "lines[1].quantity must be a decimal number (JSON number or string), not a boolean"),
                arguments("text for decimal", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"lines\": [{\"quantity\": \"ten\"}]}", "lines[0].quantity", "invalid-value", "lines[0].quantity must be a decimal number (JSON number or string)"),
                arguments("number for enum", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"terms\": 1}", "terms", "wrong-type", "terms must be one of [NET_10, NET_30], not an integer"),
                arguments("impossible date", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"orderDate\": \"2025-02-30\"}", "orderDate", "invalid-value", "orderDate must be an ISO-8601 date such as 2025-01-31"),
                arguments("empty string for date", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"orderDate\": \"\"}", "orderDate", "invalid-value", "orderDate must be an ISO-8601 date"),
                arguments("number for date", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"orderDate\": 20250131}", "orderDate", "wrong-type", "orderDate must be an ISO-8601 date such as 2025-01-31, not an integer"),
                arguments("value object refuses", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"reference\": \"nope\"}", "reference", "format", "reference must look like ABC-123"),
                arguments("constructor throws IllegalArgumentException", "{\"customerNumber\": \"C-1\", \"priority\": 1, \"lines\": [{\"description\": \" \"}]}", "lines[0]", "invalid-value", "description must not be blank"));
    }

    @Test
    void shouldAnswer400_whenBodyIsEmpty() {
        // given an empty body

        // when
        HttpResponse<String> response = server.postJson("/orders", "");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertError(json(response).get("errors").get(0), "$", "required", "request body is required");
    }

    @Test
    void shouldAnswer415_whenContentTypeIsNotJson() {
        // given
        String body = "{\"customerNumber\": \"C-1\", \"priority\": 1}";

        // when
        HttpResponse<String> response = server.post("/orders", "text/plain", body);

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").textValue()).isEqualTo("https://invoiceflow.io/problems/unsupported-media-type");
        assertThat(problem.get("code").textValue()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(problem.get("detail").textValue()).isEqualTo("Content-Type must be application/json");
    }

    @Test
    void shouldAnswer415_whenContentTypeIsMissing() {
        // given
        String body = "{\"customerNumber\": \"C-1\", \"priority\": 1}";

        // when
        HttpResponse<String> response = server.post("/orders", null, body);

        // then
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldAcceptJsonWithCharset_whenContentTypeHasParameters() {
        // given
        String body = "{\"customerNumber\": \"C-1\", \"priority\": 1}";

        // when
        HttpResponse<String> response = server.post("/orders", "application/json; charset=utf-8", body);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static void assertError(JsonNode error, String field, String rule, String message) {
        assertThat(error.get("field").textValue()).isEqualTo(field);
        assertThat(error.get("rule").textValue()).isEqualTo(rule);
        assertThat(error.get("message").textValue()).contains(message);
    }

    @Test
    void shouldAnswer413_whenAJsonBodyOverTheLimitIsSentInOneGo() {
        // given a body one byte over the limit, sent without waiting for an answer
        String body = "{\"comments\": \"" + "x".repeat((int) RequestBodies.MAX_BYTES) + "\"}";

        // when
        HttpResponse<String> response = server.postJson("/orders", body);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("code").textValue()).isEqualTo("CONTENT_TOO_LARGE");
    }

    @Test
    void shouldAnswer413WithoutAskingForTheBody_whenAClientExpectingContinueDeclaresTooMuch() throws IOException {
        // when a client sends only the headers of a 3 MB JSON body and waits for 100 Continue
        String statusLine = server.statusLineExpectingContinue("/orders", "application/json", 3000000L);

        // then the final answer comes at once, not a 100 Continue
        assertThat(statusLine).startsWith("HTTP/1.1 413 ");
    }
}
