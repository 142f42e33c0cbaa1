package io.invoiceflow.web.http;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Forwards a read-side query to the instance that holds the tenant's read models and relays its
 * answer: status, body (streamed) and the headers a client needs. A forwarded request carries
 * {@link #FORWARDED}, so it is never forwarded twice (while partitions move, the caller gets a 503).
 */
public final class ReadForwarding {
    public static final String FORWARDED = "Invoiceflow-Forwarded";
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Accept", "Accept-Language");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "ETag", "Content-Disposition",
            "Retry-After", "WWW-Authenticate", "Invoiceflow-Position", "Invoiceflow-Reflects");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public static boolean wasForwarded(Context ctx) {
        return ctx.header(FORWARDED) != null;
    }

    public void forward(Context ctx, String baseUrl) throws InterruptedException {
        String query = ctx.queryString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + ctx.path()
                        + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .header(FORWARDED, "1")
                .header(RequestIds.HEADER, RequestIds.of(ctx))
                .GET();
        for (String name : REQUEST_HEADERS) {
            String value = ctx.header(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE,
                    "the instance holding this tenant's read models does not answer; retry in a moment");
        }
        ctx.status(response.statusCode());
        for (String name : RESPONSE_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> ctx.header(name, value));
        }
        ctx.result(response.body());
    }
}
