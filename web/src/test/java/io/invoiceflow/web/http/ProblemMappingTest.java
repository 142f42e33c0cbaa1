package io.invoiceflow.web.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import io.javalin.http.ServiceUnavailableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;

import static io.invoiceflow.web.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappingTest {

    private static final String SECRET = "password=hunter2 in SELECT * FROM tenant_secrets";

    private static TestServer server;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start(cfg -> {
            cfg.http.maxRequestSize = 100;
            cfg.routes.get("/domain/{code}", ctx -> {
                throw new DomainException(ErrorCode.valueOf(ctx.pathParam("code")), "refused for a reason");
            });
            cfg.routes.post("/validated", ctx -> {
                throw DomainException.invalid(List.of(
                        new FieldViolation("customerNumber", "required", "customerNumber is required"),
                        new FieldViolation("lines", "min-size", "at least one line is required")));
            });
            cfg.routes.post("/echo", ctx -> ctx.result(ctx.body()));
            cfg.routes.get("/search", ctx -> ctx.result("limit " + ctx.queryParamAsClass("limit", Integer.class)
                    .check(limit -> limit == null || limit > 0, "must be positive")
                    .get()));
            cfg.routes.get("/broken", ctx -> {
                throw new IllegalStateException(SECRET);
            });
            cfg.routes.get("/unavailable", ctx -> {
                throw new ServiceUnavailableResponse(SECRET);
            });
        });
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ProblemMapping.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(ProblemMapping.class)).detachAppender(log);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INVALID_INPUT, 400, invalid-input, Invalid input",
            "UNAUTHENTICATED, 401, unauthenticated, Unauthenticated",
            "FORBIDDEN, 403, forbidden, Forbidden",
            "NOT_FOUND, 404, not-found, Not found",
            "ALREADY_EXISTS, 409, already-exists, Already exists",
            "INVOICING_DEACTIVATED, 409, invoicing-deactivated, Invoicing deactivated",
            "ILLEGAL_STATE, 409, illegal-state, Illegal state",
            "STALE_VERSION, 412, stale-version, Stale version",
            "UNKNOWN_REFERENCE, 422, unknown-reference, Unknown reference",
            "INCOMPLETE_INVOICE, 422, incomplete-invoice, Incomplete invoice",
            "READ_SIDE_UNAVAILABLE, 503, read-side-unavailable, Read side unavailable"})
    void shouldAnswerStatusOfErrorCode_whenHandlerThrowsDomainException(ErrorCode code, int status, String type, String title) {
        // given a route that refuses with the code

        // when
        HttpResponse<String> response = server.get("/domain/" + code);

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").textValue()).isEqualTo("https://invoiceflow.io/problems/" + type);
        assertThat(problem.get("title").textValue()).isEqualTo(title);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("code").textValue()).isEqualTo(code.name());
        assertThat(problem.get("detail").textValue()).isEqualTo("refused for a reason");
        assertThat(problem.get("instance").textValue()).isEqualTo("/domain/" + code);
        assertThat(problem.get("errors")).isEmpty();
    }

    @Test
    void shouldAskForBearerToken_whenUnauthenticated() {
        // given a route that refuses with UNAUTHENTICATED

        // when
        HttpResponse<String> response = server.get("/domain/UNAUTHENTICATED");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void shouldListEveryViolation_whenTheRefusalNamesSeveral() {
        // given a route refused with two broken rules

        // when
        HttpResponse<String> response = server.post("/validated", "application/json", "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("code").textValue()).isEqualTo("INVALID_INPUT");
        assertThat(problem.get("detail").textValue()).isEqualTo("2 fields are invalid");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("customerNumber", "lines");
        assertThat(problem.get("errors").findValuesAsText("rule")).containsExactly("required", "min-size");
    }

    @ParameterizedTest(name = "{1} for /search{0}")
    @CsvSource({
            "?limit=ten, wrong-type, 'ten' is not a valid limit",
            "?limit=0, invalid-value, limit must be positive",
            "'', required, limit is required"})
    void shouldNameParameterAndRule_whenQueryParameterIsInvalid(String query, String rule, String message) {
        // given a route that validates its limit parameter with Javalin's validator

        // when
        HttpResponse<String> response = server.get("/search" + query);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("field").textValue()).isEqualTo("limit");
        assertThat(error.get("rule").textValue()).isEqualTo(rule);
        assertThat(error.get("message").textValue()).isEqualTo(message);
    }

    @Test
    void shouldAnswer500WithoutLeakingMessageAndLogIt_whenHandlerFailsUnexpectedly() {
        // given a route that fails with a message holding secrets

        // when
        HttpResponse<String> response = server.get("/broken", RequestIds.HEADER, "trace-500");

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("hunter2", "SELECT", "IllegalStateException");
        JsonNode problem = json(response);
        assertThat(problem.get("code").textValue()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(problem.get("detail").textValue()).isEqualTo(ProblemMapping.UNEXPECTED_DETAIL);
        assertThat(problem.get("requestId").textValue()).isEqualTo("trace-500");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("GET /broken", "trace-500");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo(SECRET);
        });
    }

    @Test
    void shouldHideMessage_whenHandlerThrowsServerErrorResponse() {
        // given a route that answers 503 with a message holding secrets

        // when
        HttpResponse<String> response = server.get("/unavailable");

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("hunter2");
        assertThat(json(response).get("code").textValue()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void shouldAnswer404Problem_whenRouteIsUnknown() {
        // given no route for the path

        // when
        HttpResponse<String> response = server.get("/no/such/route");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").textValue()).isEqualTo("https://invoiceflow.io/problems/not-found");
        assertThat(problem.get("code").textValue()).isEqualTo("NOT_FOUND");
        assertThat(problem.get("instance").textValue()).isEqualTo("/no/such/route");
    }

    @Test
    void shouldAnswer405WithAllowHeader_whenMethodIsNotRouted() {
        // given only POST is routed for /echo

        // when
        HttpResponse<String> response = server.get("/echo");

        // then
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(response).get("code").textValue()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void shouldAnswer413Problem_whenBodyExceedsMaxRequestSize() {
        // given a body larger than the configured 100 bytes
        String body = "x".repeat(101);

        // when
        HttpResponse<String> response = server.post("/echo", "text/plain", body);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").textValue()).isEqualTo("CONTENT_TOO_LARGE");
    }
}
