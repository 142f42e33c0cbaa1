package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.invoiceflow.app.api.Problems.assertInvalid;
import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Distribution over HTTP: finalizing sends, a user sends again or elsewhere, the log tells what happened. */
interface DistributionContract extends ApiTestContext {

    @Test
    default void shouldStartADistribution_whenAnInvoiceIsFinalized() {
        // given
        TenantFixture tenant = newTenant();

        // when
        String invoiceId = tenant.finalizedInvoice();

        // then its distribution log shows the automatic distribution (P4)
        JsonNode log = awaitLog(tenant, invoiceId, 1);
        assertThat(log.path("distributions").get(0).path("trigger").asText()).isEqualTo("FINALIZED");
        assertThat(log.path("distributions").get(0).path("requestedBy").asText()).isEqualTo("system:distribution");
    }

    @Test
    default void shouldAcceptASendToAnotherAddress_whenAUserAsks() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();

        // when
        ApiResponse send = tenant.post("/invoices/" + invoiceId + "/send", "{\"to\": [\"regnskap@bryggen.example\"]}");

        // then
        assertThat(send.status()).as("%s", send).isEqualTo(202);
        String distributionId = send.json().path("distributionId").asText();
        assertThat(send.header("Invoiceflow-Version")).hasValue(distributionId + ":0");
        assertThat(send.location()).isEqualTo(tenant.path("/invoices/" + invoiceId + "/distribution"));
        JsonNode log = tenant.get("/invoices/" + invoiceId + "/distribution").json();
        assertThat(log.path("distributions")).anySatisfy(d -> {
            assertThat(d.path("distributionId").asText()).isEqualTo(distributionId);
            assertThat(d.path("trigger").asText()).isEqualTo("SEND");
            assertThat(d.path("requestedTo").get(0).asText()).isEqualTo("regnskap@bryggen.example");
            assertThat(d.path("requestedBy").asText()).isEqualTo(tenant.accountantUserId);
        });
    }

    @Test
    default void shouldRefuse_whenADraftIsSentOrAResendHasNoAddress() {
        // given
        TenantFixture tenant = newTenant();
        String draft = tenant.draftInvoice();
        String invoiceId = tenant.finalizedInvoice();

        // when / then
        assertProblem(tenant.post("/invoices/" + draft + "/send", "{}"), 409, "ILLEGAL_STATE");
        assertInvalid(tenant.post("/invoices/" + invoiceId + "/resend", "{}"), "to", "required");
        assertInvalid(tenant.post("/invoices/" + invoiceId + "/send", "{\"to\": [\"not-an-address\"]}"), "to[0]", "email");
        assertProblem(tenant.get("/invoices/" + java.util.UUID.randomUUID() + "/distribution"), 404, "NOT_FOUND");
    }

    private JsonNode awaitLog(TenantFixture tenant, String invoiceId, int distributions) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> tenant.get("/invoices/" + invoiceId + "/distribution"),
                        r -> r.status() == 200 && r.json().path("distributions").size() >= distributions)
                .json();
    }
}
