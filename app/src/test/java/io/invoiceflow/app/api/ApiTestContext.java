package io.invoiceflow.app.api;

import io.invoiceflow.app.Invoiceflow;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every API contract test needs from the running app; implemented by {@link ApiTestBase}. */
interface ApiTestContext {
    /** The operator's token, fixed through {@code INVOICEFLOW_ADMIN_TOKEN}. */
    String ADMIN_TOKEN = "ifa_api-it-operator-token-0123456789abcdef";

    Invoiceflow app();

    ApiClient api();

    EventTopic topic();

    default TenantFixture newTenant() {
        return TenantFixture.create(api(), ADMIN_TOKEN);
    }

    /** Waits (bounded) until every event stored so far has been read from the topic, by way of a marker request. */
    default void awaitEveryEventStoredSoFar(TenantFixture tenant) {
        topic().awaitRequest(tenant.marker().requestId());
    }

    /**
     * Asserts that none of {@code requestIds} stored an event: sends a marker request afterwards and
     * waits until its event is on the topic, then no record may carry one of the request ids.
     */
    default void assertNoEventFrom(TenantFixture tenant, Collection<String> requestIds) {
        awaitEveryEventStoredSoFar(tenant);
        List<EventTopic.EventRecord> leaked = topic().ofAnyRequest(requestIds);
        assertThat(leaked).as("events published for refused requests").isEmpty();
    }
}
