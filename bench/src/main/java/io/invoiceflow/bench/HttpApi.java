package io.invoiceflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The HTTP calls the benchmark makes, over one JDK HttpClient (HTTP/1.1, keep-alive). */
final class HttpApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String api;
    private final String adminToken;

    HttpApi(int port, String adminToken) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.api = "http://127.0.0.1:" + port + "/api/v1";
        this.adminToken = adminToken;
    }

    record Tenant(String tenantId, String apiKey, String userId) {
    }

    /** Tenant (operator), ACCOUNTANT user with an API key (tenant admin = operator), customer (user). */
    Tenant createTenant(int i) throws IOException, InterruptedException {
        JsonNode tenant = JSON.readTree(expect(post("/tenants", adminToken, SampleData.tenantJson(i)), 201));
        String tenantId = tenant.get("tenantId").asText();
        JsonNode user = JSON.readTree(expect(post("/tenants/" + tenantId + "/users", adminToken, SampleData.userJson(i)), 201));
        String key = user.get("apiKey").asText();
        expect(post("/tenants/" + tenantId + "/customers", key, SampleData.customerJson()), 201);
        return new Tenant(tenantId, key, user.get("userId").asText());
    }

    HttpRequest finalizeRequest(Tenant t, String invoiceId) {
        return HttpRequest.newBuilder(URI.create(api + "/tenants/" + t.tenantId() + "/invoices/" + invoiceId + "/finalize"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + t.apiKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** {@code method path} with a JSON body (null: none) as {@code token}; the response body when its status is {@code status}. */
    String call(String method, String path, String token, String body, int status) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return expect(request, status);
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String expect(HttpRequest request, int status) throws IOException, InterruptedException {
        return expect(client.send(request, HttpResponse.BodyHandlers.ofString()), status).body();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IOException(response.request().method() + " " + response.request().uri().getPath() + " -> "
                    + response.statusCode() + ": " + (body.length() > 500 ? body.substring(0, 500) : body));
        }
        return response;
    }
}
