package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses. */
final class Problems {
    static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** Asserts status, problem+json content type and code; returns the problem body. */
    static JsonNode assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith(PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as("status in %s", response).isEqualTo(status);
        assertThat(problem.path("code").asText()).as("code in %s", response).isEqualTo(code);
        assertThat(problem.path("type").asText()).as("type in %s", response).startsWith("https://");
        assertThat(problem.path("title").asText()).as("title in %s", response).isNotBlank();
        assertThat(problem.path("detail").asText()).as("detail in %s", response).isNotBlank();
        assertThat(problem.path("requestId").asText()).as("requestId in %s", response).isEqualTo(response.requestId());
        return problem;
    }

    /** Asserts a 400 INVALID_INPUT that names {@code field} and {@code rule} among its errors. */
    static JsonNode assertInvalid(ApiResponse response, String field, String rule) {
        JsonNode problem = assertProblem(response, 400, "INVALID_INPUT");
        assertThat(violations(problem)).as("errors of %s", response).contains(field + " " + rule);
        return problem;
    }

    /** {@code "field rule"} for every entry of the problem's errors. */
    static List<String> violations(JsonNode problem) {
        List<String> result = new ArrayList<>();
        problem.path("errors").forEach(e -> {
            assertThat(e.path("message").asText()).as("message of %s", e).isNotBlank();
            result.add(e.path("field").asText() + " " + e.path("rule").asText());
        });
        return result;
    }
}
