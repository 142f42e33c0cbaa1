package io.invoiceflow.app.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.api.ApiResponse;
import io.invoiceflow.app.api.TenantFixture;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The distribution log and the attention list as a tenant's user reads them. */
public final class DistributionViews {
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private DistributionViews() {
    }

    /** The invoice's distribution number {@code index} (oldest first), once it has {@code status}. */
    public static JsonNode awaitDistribution(TenantFixture tenant, String invoiceId, int index, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> tenant.get("/invoices/" + invoiceId + "/distribution"), r -> r.status() == 200
                        && r.json().path("distributions").size() > index
                        && status.equals(r.json().path("distributions").get(index).path("status").asText()))
                .json().path("distributions").get(index);
    }

    /** The invoice's entry on the attention list, or null. */
    static JsonNode attentionItem(TenantFixture tenant, String invoiceId) {
        ApiResponse list = tenant.get("/distribution/attention");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        for (JsonNode item : list.json()) {
            if (invoiceId.equals(item.path("invoiceId").asText())) {
                return item;
            }
        }
        return null;
    }

    /** The invoice's entry on the attention list, once it is there. */
    static JsonNode awaitAttentionItem(TenantFixture tenant, String invoiceId) {
        return await().atMost(PATIENCE).until(() -> attentionItem(tenant, invoiceId), item -> item != null);
    }
}
