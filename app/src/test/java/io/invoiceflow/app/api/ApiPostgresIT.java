package io.invoiceflow.app.api;

import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.commands.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract against PostgreSQL ({@code INVOICEFLOW_TEST_DATABASE_URL}), in a fresh schema.
 * Skipped on a developer machine without it; fails under CI without it.
 */
class ApiPostgresIT extends ApiTestBase {

    @Override
    protected Map<String, String> databaseSettings() {
        String testUrl = TestDatabases.postgresUrl();
        // postgresUrlWithFreshSchema() keeps the schema but not the credentials of the test URL
        // (PGSimpleDataSource.getURL() leaves user and password out), so they are passed on their own.
        Map<String, String> settings = new HashMap<>();
        settings.put("DATABASE_URL", TestDatabases.postgresUrlWithFreshSchema());
        queryParameter(testUrl, "user").ifPresent(user -> settings.put("DATABASE_USER", user));
        queryParameter(testUrl, "password").ifPresent(password -> settings.put("DATABASE_PASSWORD", password));
        return settings;
    }

    @Test
    void shouldStartAndBeReady_whenDatabaseUrlCarriesUserAndPasswordAsQueryParameters(@TempDir Path dataDir) throws Exception {
        // given: the test database URL as an operator would write it, jdbc:postgresql://host/db?user=..&password=..
        String schema = ((PGSimpleDataSource) TestDatabases.postgres()).getCurrentSchema();
        String url = TestDatabases.postgresUrl();
        Map<String, String> env = Map.of(
                "PORT", "0",
                "INVOICEFLOW_DATA_DIR", dataDir.toString(),
                "INVOICEFLOW_ADMIN_TOKEN", ADMIN_TOKEN,
                "KAFKA_BOOTSTRAP_SERVERS", app().bootstrapServers(),
                "DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);

        // when
        try (Invoiceflow second = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC())) {
            ApiResponse ready = new ApiClient(second.port()).get("/health/ready").send();

            // then
            assertThat(ready.status()).as("%s", ready).isEqualTo(200);
        }
    }

    private static Optional<String> queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name) && kv.length == 2) {
                    return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }
}
