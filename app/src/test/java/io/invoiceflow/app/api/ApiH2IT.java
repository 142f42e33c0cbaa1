package io.invoiceflow.app.api;

import java.util.Map;

/** The API contract against the default embedded H2 in the data directory. */
class ApiH2IT extends ApiTestBase {
    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
