package io.invoiceflow.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thin {@link HttpClient} wrapper for the API tests. Every call carries its own {@code X-Request-Id}
 * (random unless the test names one), so a test can find the Kafka records a request produced. Like
 * a careful client, it remembers per tenant what its commands wrote ({@code Invoiceflow-Version}),
 * so that a test's reads can wait for its own writes ({@link #writtenTo}).
 */
public final class ApiClient {
    private static final Pattern TENANT_PATH = Pattern.compile("^/api/v1/tenants/([0-9a-f-]{36})(/.*)?$");
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI base;
    private final Map<String, Map<String, Long>> written = new ConcurrentHashMap<>();

    public ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    URI base() {
        return base;
    }

    /** What this client's commands wrote in a tenant, per aggregate id: the highest version. */
    Map<String, Long> writtenTo(String tenantId) {
        return Map.copyOf(written.getOrDefault(tenantId, Map.of()));
    }

    private void remember(String path, HttpHeaders headers) {
        Matcher tenant = TENANT_PATH.matcher(path.split("\\?")[0]);
        headers.firstValue("Invoiceflow-Version").ifPresent(header -> {
            String tenantId = tenant.matches() ? tenant.group(1) : null;
            for (String token : header.split(",")) {
                String t = token.trim();
                int colon = t.lastIndexOf(':');
                String aggregateId = t.substring(0, colon);
                written.computeIfAbsent(tenantId != null ? tenantId : aggregateId, k -> new ConcurrentHashMap<>())
                        .merge(aggregateId, Long.parseLong(t.substring(colon + 1)), Math::max);
            }
        });
    }

    /** GET {@code path} as raw bytes (a PDF). */
    byte[] getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call put(String path) {
        return call("PUT", path);
    }

    Call delete(String path) {
        return call("DELETE", path);
    }

    /** One request, built fluently and sent with {@link #send()}. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private byte[] bytes;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("X-Request-Id", "it-" + UUID.randomUUID());
        }

        /** {@code Authorization: Bearer <token>}; null sends no Authorization header. */
        public Call token(String token) {
            if (token == null) {
                headers.remove("Authorization");
            } else {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        /** A JSON body with {@code Content-Type: application/json}. */
        public Call json(String json) {
            headers.put("Content-Type", "application/json");
            this.body = json;
            return this;
        }

        /** A raw body with the given content type (null: no Content-Type header). */
        Call body(String contentType, String raw) {
            if (contentType == null) {
                headers.remove("Content-Type");
            } else {
                headers.put("Content-Type", contentType);
            }
            this.body = raw;
            return this;
        }

        /** A body of raw bytes (a file) with the given content type. */
        Call bytes(String contentType, byte[] raw) {
            headers.put("Content-Type", contentType);
            this.bytes = raw;
            return this;
        }

        Call ifMatch(String etag) {
            headers.put("If-Match", etag);
            return this;
        }

        Call requestId(String requestId) {
            headers.put("X-Request-Id", requestId);
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public ApiResponse send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, bytes != null ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                            : body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = http.send(builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                remember(path, response.headers());
                return new ApiResponse(method, path, headers.get("X-Request-Id"), response.statusCode(),
                        response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }
    }
}
