package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.invoiceflow.app.api.Problems.assertInvalid;
import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The development installation's tools (issue 6): the operator moves the clock forward (kept across a
 * restart, never back) and runs the morning of a date in a tenant's zone; users may not.
 */
class DevelopmentModeIT {
    private static final String OPERATOR = "ifa_development-mode-operator-0123456789";

    @Test
    void shouldMoveTheClockForwardAndRunAMorning_whenTheOperatorAsks(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "INVOICEFLOW_DATA_DIR", dataDir.toString(),
                "INVOICEFLOW_ADMIN_TOKEN", OPERATOR, "INVOICEFLOW_TOPIC_PARTITIONS", "2",
                "INVOICEFLOW_MODE", "development");
        Instant target = Instant.now().plus(Duration.ofDays(3));
        LocalDate morning = LocalDate.ofInstant(target, ZoneId.of("Europe/Oslo")).plusDays(1);
        try (Invoiceflow app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC())) {
            ApiClient api = new ApiClient(app.port());
            TenantFixture tenant = TenantFixture.create(api, OPERATOR);

            // when the operator moves the clock three days on
            ApiResponse moved = api.put("/api/v1/dev/clock").token(OPERATOR).json("{\"now\": \"" + target + "\"}").send();

            // then the installation's time is there, and new invoices are dated by it
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            assertThat(Instant.parse(moved.json().path("now").asText())).isBetween(target, target.plusSeconds(5));
            String invoiceId = tenant.finalizedInvoice();
            JsonNode invoice = tenant.expect(200, tenant.get("/invoices/" + invoiceId)).json();
            assertThat(invoice.path("invoiceDate").asText())
                    .isEqualTo(LocalDate.ofInstant(target, ZoneId.of("Europe/Oslo")).toString());

            // and back in time is refused, naming the field and the rule
            assertInvalid(api.put("/api/v1/dev/clock").token(OPERATOR).json("{\"now\": \"2020-01-01T00:00:00Z\"}")
                    .send(), "now", "forward");
            assertInvalid(api.put("/api/v1/dev/clock").token(OPERATOR).json("{}").send(), "now", "required");

            // when a subscription starts the next morning, and the operator runs that morning for the tenant
            String subscription = RecurringContract.createSubscription(tenant,
                    RecurringContract.subscription(morning, TenantFixture.CUSTOMER));
            ApiResponse run = api.post("/api/v1/tenants/" + tenant.id + "/dev/morning-run").token(OPERATOR)
                    .json("{\"date\": \"" + morning + "\"}").send();

            // then the clock stands at 06:15 in Oslo that day and the scheduler ran
            assertThat(run.status()).as("%s", run).isEqualTo(200);
            Instant runAt = morning.atTime(6, 15).atZone(ZoneId.of("Europe/Oslo")).toInstant();
            assertThat(run.json().path("runAt").asText()).isEqualTo(runAt.toString());
            assertThat(run.json().path("completed").asBoolean()).isTrue();
            assertThat(run.json().path("issued").asLong()).as("%s", run).isBetween(0L, 1L); // 0: the subscription was read after the run

            // and the occurrence became an invoice dated by the moved clock, its events stamped by it, and it was sent
            JsonNode produced = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> tenant.get("/recurring/" + subscription), r -> r.status() == 200
                            && r.json().path("invoices").size() == 1 && "SENT".equals(r.json().path("invoices").get(0)
                            .path("distributionStatus").asText())).json().path("invoices").get(0);
            String recurringInvoice = produced.path("invoiceId").asText();
            assertThat(tenant.expect(200, tenant.get("/invoices/" + recurringInvoice)).json().path("invoiceDate")
                    .asText()).isEqualTo(morning.toString());
            JsonNode history = tenant.expect(200, tenant.get("/invoices/" + recurringInvoice + "/history")).json();
            assertThat(history).isNotEmpty();
            history.forEach(event -> assertThat(Instant.parse(event.path("time").asText()))
                    .as("%s", event).isAfterOrEqualTo(runAt));

            // and users may not, nor name a tenant that does not exist
            assertProblem(api.put("/api/v1/dev/clock").token(tenant.adminKey).json("{\"now\": \"" + target + "\"}")
                    .send(), 403, "FORBIDDEN");
            assertInvalid(api.post("/api/v1/tenants/" + tenant.id + "/dev/morning-run").token(OPERATOR).json("{}")
                    .send(), "date", "required");
            assertProblem(api.post("/api/v1/tenants/00000000-0000-4000-8000-000000000000/dev/morning-run")
                    .token(OPERATOR).json("{\"date\": \"" + morning + "\"}").send(), 404, "NOT_FOUND");
        }

        // when the app restarts on the same data directory, the clock keeps its place
        try (Invoiceflow app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC())) {
            ApiResponse now = new ApiClient(app.port()).get("/api/v1/dev/clock").token(OPERATOR).send();
            assertThat(now.status()).isEqualTo(200);
            assertThat(Instant.parse(now.json().path("now").asText()))
                    .isAfterOrEqualTo(morning.atTime(6, 15).atZone(ZoneId.of("Europe/Oslo")).toInstant());
        }
    }
}
