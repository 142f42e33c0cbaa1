package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.web.api.ReadModel;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances on loopback against one Kafka broker and one event store, as a scaled-out
 * installation runs: the tenants' read models are spread over both, and either instance answers a
 * query about any tenant, the other one's included (forwarded via the streams metadata).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {
    private static final String OPERATOR = "ifa_scale-out-operator-token-0123456789";
    private Invoiceflow first;
    private Invoiceflow second;
    private ApiClient firstApi;
    private ApiClient secondApi;

    @BeforeAll
    void startTwoInstances(@TempDir Path dir) throws Exception {
        first = Invoiceflow.start(AppConfig.load(env(dir.resolve("first"), "first", Map.of())), Clock.systemUTC());
        String sharedStore = "jdbc:h2:file:" + dir.resolve("first").resolve("eventstore")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        second = Invoiceflow.start(AppConfig.load(env(dir.resolve("second"), "second", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", first.bootstrapServers(), "DATABASE_URL", sharedStore))), Clock.systemUTC());
        firstApi = new ApiClient(first.port());
        secondApi = new ApiClient(second.port());
        // both run, and the partitions are shared out
        await().atMost(Duration.ofSeconds(90)).until(() -> running(first) && running(second)
                && !first.readSide().streams().metadataForLocalThreads().stream()
                        .allMatch(t -> t.activeTasks().isEmpty())
                && !second.readSide().streams().metadataForLocalThreads().stream()
                        .allMatch(t -> t.activeTasks().isEmpty()));
    }

    private static Map<String, String> env(Path dataDir, String node, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("PORT", "0");
        env.put("INVOICEFLOW_DATA_DIR", dataDir.toString());
        env.put("INVOICEFLOW_ADMIN_TOKEN", OPERATOR);
        env.put("INVOICEFLOW_NODE_ID", node);
        env.put("INVOICEFLOW_ADVERTISED_HOST", "127.0.0.1");
        return env;
    }

    private static boolean running(Invoiceflow app) {
        return app.readSide().streams().state() == KafkaStreams.State.RUNNING;
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void shouldAnswerAnyTenantOnEitherInstance_whenTheReadModelsAreSpreadOverBoth() {
        // given tenants until each instance holds at least one of them, each with an invoice written via the first
        List<TenantFixture> onFirst = new ArrayList<>();
        List<TenantFixture> onSecond = new ArrayList<>();
        Map<TenantFixture, String> invoices = new HashMap<>();
        for (int i = 0; i < 40 && (onFirst.isEmpty() || onSecond.isEmpty()); i++) {
            TenantFixture tenant = TenantFixture.create(firstApi, OPERATOR);
            invoices.put(tenant, tenant.draftInvoice());
            ReadModel.Location where = first.readSide().locate(new TenantId(tenant.id));
            (where instanceof ReadModel.Here ? onFirst : onSecond).add(tenant);
        }
        assertThat(onFirst).as("tenants held by the first instance").isNotEmpty();
        assertThat(onSecond).as("tenants held by the second instance").isNotEmpty();

        for (TenantFixture tenant : invoices.keySet()) {
            String path = tenant.afterWrites(tenant.path("/invoices/" + invoices.get(tenant)));

            // when both instances are asked
            ApiResponse viaFirst = firstApi.get(path).token(tenant.accountantKey).send();
            ApiResponse viaSecond = secondApi.get(path).token(tenant.accountantKey).send();
            ApiResponse historyViaSecond = secondApi.get(tenant.afterWrites(tenant.path("/invoices/"
                    + invoices.get(tenant) + "/history"))).token(tenant.accountantKey).send();

            // then both answer the same, whichever holds the tenant
            assertThat(viaFirst.status()).as("%s", viaFirst).isEqualTo(200);
            assertThat(viaSecond.status()).as("%s", viaSecond).isEqualTo(200);
            assertThat(viaSecond.body()).isEqualTo(viaFirst.body());
            assertThat(viaSecond.etag()).isEqualTo(viaFirst.etag());
            JsonNode history = historyViaSecond.json();
            assertThat(history).extracting(e -> e.path("event").asText()).containsExactly("InvoiceDrafted");
        }
        // and another tenant's key is still refused through the forwarding instance
        TenantFixture owner = onSecond.get(0);
        TenantFixture stranger = onFirst.get(0);
        ApiResponse foreign = firstApi.get(owner.path("/invoices/" + invoices.get(owner)))
                .token(stranger.accountantKey).send();
        assertThat(foreign.status()).isEqualTo(404);
    }
}
