package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health, metrics and the API description (C4, operators). */
interface OperationsContract extends ApiTestContext {

    @Test
    default void shouldAnswerReadyWithEveryComponentUp_whenAppRuns() {
        // given: the running app

        // when
        ApiResponse ready = await("readiness").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api().get("/health/ready").send(), r -> r.status() == 200);

        // then
        JsonNode body = ready.json();
        assertThat(body.path("status").asText()).isEqualTo("UP");
        JsonNode components = body.path("components");
        for (String component : new String[] {"database", "kafka", "forwarder", "readSide", "distribution"}) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(components.path("kafka").path("embedded").asBoolean()).isTrue();
        assertThat(body.path("kafkaBootstrapServers").asText()).isEqualTo(app().bootstrapServers());
    }

    @Test
    default void shouldAnswerLive_whenAppRuns() {
        // when
        ApiResponse live = api().get("/health/live").send();

        // then
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    default void shouldExposeRequestAndCommandMetrics_whenRequestsWereServed() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, tenant.get(""));

        // when
        ApiResponse metrics = api().get("/metrics").send();

        // then
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("invoiceflow_http_requests_seconds_count{");
        assertThat(metrics.body()).contains("invoiceflow_commands_total{outcome=\"accepted\",type=\"CreateTenant\"}");
    }

    @Test
    default void shouldCountViewCacheHits_whenAnInvoiceIsReadTwice() {
        // given an invoice read once, which puts its view in the cache
        TenantFixture tenant = newTenant();
        String invoice = tenant.draftInvoice();
        tenant.expect(200, tenant.get("/invoices/" + invoice));
        double hitsBefore = metric(api().get("/metrics").send().body(), "invoiceflow_view_cache_reads_total{result=\"hit\"}");

        // when it is read again
        tenant.expect(200, tenant.get("/invoices/" + invoice));

        // then
        String metrics = api().get("/metrics").send().body();
        assertThat(metric(metrics, "invoiceflow_view_cache_reads_total{result=\"hit\"}")).isGreaterThan(hitsBefore);
        assertThat(metric(metrics, "invoiceflow_view_cache_reads_total{result=\"miss\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "invoiceflow_view_cache_bytes")).isGreaterThan(0);
    }

    private static double metric(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " is not in the scrape"));
    }

    @Test
    default void shouldLabelRequestMetricsWithRouteTemplate_whenRequestsWereServed() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, tenant.get(""));
        tenant.expect(404, tenant.get("/invoices/" + java.util.UUID.randomUUID()));

        // when
        String metrics = api().get("/metrics").send().body();

        // then
        assertThat(metrics).contains("route=\"/api/v1/tenants/{tenantId}\"");
        assertThat(metrics).contains("route=\"/api/v1/tenants/{tenantId}/invoices/{invoiceId}\"");
        assertThat(metrics).as("route labels are templates, not paths with ids").doesNotContain(tenant.id);
    }

    @Test
    default void shouldServeOpenApiAsJson_whenRequested() {
        // when
        ApiResponse openApi = api().get("/openapi.json").send();

        // then
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.contentType()).startsWith("application/json");
        JsonNode spec = openApi.json();
        assertThat(spec.path("openapi").asText()).startsWith("3.");
        assertThat(spec.path("paths").isObject()).isTrue();
    }

    @Test
    default void shouldNotOfferTheDevelopmentTools_whenTheInstallationRunsInProduction() {
        // given the default mode, production

        // when the operator asks for the clock
        ApiResponse clock = api().get("/api/v1/dev/clock").token(ADMIN_TOKEN).send();

        // then
        Problems.assertProblem(clock, 404, "NOT_FOUND");
        assertThat(clock.json().path("detail").asText()).contains("INVOICEFLOW_MODE=development");
    }
}
