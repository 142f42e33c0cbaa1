package io.invoiceflow.app.api;

import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP API end to end: one real app per test class (embedded KRaft broker, the database of the
 * subclass), driven with {@link java.net.http.HttpClient} and observed with a real Kafka consumer on
 * {@code invoicing.events}. The tests themselves are the default methods of the contract interfaces,
 * so that every database runs all of them.
 *
 * <p>The app is started with {@code INVOICEFLOW_TOPIC_PARTITIONS=1}: with one partition the topic holds
 * the events in the order the forwarder published them, which lets a test prove that a refused request
 * published nothing (see {@link ApiTestContext#assertNoEventFrom}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase implements TenantAdministrationContract, AuthenticationContract, CatalogueContract,
        OrderContract, InvoiceLifecycleContract, InvoicingSwitchContract, TenantIsolationContract, BadInputContract,
        EventStreamContract, OperationsContract, ConcurrencyContract, ReadSideContract, DistributionContract,
        InvoiceListContract, FrequencyContract, DistributionListContract, DistributionSettingsContract,
        RecurringContract {

    private Invoiceflow app;
    private ApiClient api;
    private EventTopic topic;

    /** The database settings ({@code DATABASE_URL} ...) of the subclass; empty for embedded H2. */
    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void startApp(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>(databaseSettings());
        env.put("PORT", "0");
        env.put("INVOICEFLOW_DATA_DIR", dataDir.toString());
        env.put("INVOICEFLOW_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("INVOICEFLOW_TOPIC_PARTITIONS", "1");
        env.put("INVOICEFLOW_NODE_ID", getClass().getSimpleName());
        app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC());
        api = new ApiClient(app.port());
        topic = new EventTopic(app.bootstrapServers());
    }

    @AfterAll
    void stopApp() throws Exception {
        try {
            if (topic != null) {
                topic.close();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    @Override
    public Invoiceflow app() {
        return app;
    }

    @Override
    public ApiClient api() {
        return api;
    }

    @Override
    public EventTopic topic() {
        return topic;
    }
}
