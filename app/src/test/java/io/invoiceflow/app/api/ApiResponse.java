package io.invoiceflow.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A received response, with the request id that was sent and the JSON body parsed on demand. */
public record ApiResponse(String method, String path, String requestId, int status, HttpHeaders headers, String body) {
    static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(this + " has no JSON body", e);
        }
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The Location header (a path below the API's base). */
    String location() {
        return header("Location").orElseThrow(() -> new AssertionError(this + " has no Location header"));
    }

    String etag() {
        return header("ETag").orElseThrow(() -> new AssertionError(this + " has no ETag header"));
    }

    /** Status, ETag and body: what must not change when a request is refused. */
    String state() {
        String content = body;
        if (contentType().startsWith(Problems.PROBLEM_JSON)) {
            // a problem names the request that got it; that differs from request to request
            com.fasterxml.jackson.databind.node.ObjectNode problem = (com.fasterxml.jackson.databind.node.ObjectNode) json();
            problem.remove("requestId");
            content = problem.toString();
        }
        return status + " " + header("ETag").orElse("-") + " " + content;
    }

    @Override
    public String toString() {
        return method + " " + path + " [" + requestId + "] -> " + status + " " + body;
    }
}
