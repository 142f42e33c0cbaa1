package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.invoiceflow.app.api.Problems.assertInvalid;
import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side over HTTP: histories, the audit trail, read-your-writes and the position of every answer. */
interface ReadSideContract extends ApiTestContext {

    @Test
    default void shouldListEveryEventWithWhoWhenAndWhatChanged_whenAnInvoiceHistoryIsRead() {
        // given an invoice drafted and finalized by the accountant, paid by the admin
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();
        ApiResponse finalized = tenant.expect(200, tenant.postEmpty("/invoices/" + invoiceId + "/finalize"));
        tenant.expect(200, api().post(tenant.path("/invoices/" + invoiceId + "/pay")).token(tenant.adminKey).send());

        // when
        ApiResponse history = tenant.get("/invoices/" + invoiceId + "/history");

        // then
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        JsonNode entries = history.json();
        assertThat(entries).extracting(e -> e.path("event").asText())
                .containsExactly("InvoiceDrafted", "InvoiceFinalized", "InvoicePaid");
        assertThat(entries).extracting(e -> e.path("actor").asText())
                .containsExactly(tenant.accountantUserId, tenant.accountantUserId, tenant.adminUserId);
        assertThat(entries.get(1).path("requestId").asText()).isEqualTo(finalized.requestId());
        assertThat(entries.get(1).path("type").asText()).isEqualTo("io.invoiceflow.invoice.InvoiceFinalized.v1");
        assertThat(change(entries.get(1), "status")).isEqualTo("DRAFT -> FINALIZED");
        assertThat(change(entries.get(1), "number")).isEqualTo("null -> INV-1001");
        assertThat(change(entries.get(2), "status")).isEqualTo("FINALIZED -> PAID");
        assertThat(history.header("Invoiceflow-Position")).hasValueSatisfying(p -> assertThat(p).matches("\\d+@\\d+"));
        assertThat(history.header("Invoiceflow-Reflects")).isPresent();
    }

    @Test
    default void shouldShowFieldLevelBeforeAndAfter_whenACustomerIsEdited() {
        // given
        TenantFixture tenant = newTenant();
        String changed = Bodies.edit(Bodies.customerDetails(), c -> c.put("name", "Bryggen Bakeri og Kafe AS"));

        // when
        tenant.expect(200, tenant.put("/customers/" + TenantFixture.CUSTOMER, changed, "\"0\""));
        JsonNode history = tenant.get("/customers/" + TenantFixture.CUSTOMER + "/history").json();

        // then only the name changed
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("changes")).extracting(c -> c.path("path").asText()).containsExactly("details.name");
        assertThat(change(history.get(1), "details.name")).isEqualTo("Bryggen Bakeri AS -> Bryggen Bakeri og Kafe AS");
    }

    @Test
    default void shouldTellWhoInvoicedTheOrderAndWhoFinalizedTheInvoice_whenAnOrderHistoryIsRead() {
        // given an order invoiced by the accountant, whose invoice the admin finalizes
        TenantFixture tenant = newTenant();
        String orderId = tenant.order();
        String invoiceId = tenant.expect(201, tenant.postEmpty("/orders/" + orderId + "/invoice")).json()
                .path("invoiceId").asText();
        tenant.expect(200, api().post(tenant.path("/invoices/" + invoiceId + "/finalize")).token(tenant.adminKey).send());

        // when
        JsonNode history = tenant.get("/orders/" + orderId + "/history").json();

        // then (S8)
        assertThat(history).extracting(e -> e.path("event").asText() + " by " + e.path("actor").asText())
                .containsExactly("OrderCreated by " + tenant.accountantUserId,
                        "OrderInvoiced by " + tenant.accountantUserId,
                        "InvoiceDrafted by " + tenant.accountantUserId,
                        "InvoiceFinalized by " + tenant.adminUserId);
        assertThat(history.get(3).path("aggregateId").asText()).isEqualTo(invoiceId);
    }

    @Test
    default void shouldFilterAndPageTheAuditTrail_whenSearchedByActorEventAndTime() {
        // given three finalized invoices and a customer change
        TenantFixture tenant = newTenant();
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            tenant.finalizedInvoice();
        }
        tenant.expect(200, tenant.put("/customers/" + TenantFixture.CUSTOMER, Bodies.customerDetails(), null));

        // when paging the accountant's finalizations two at a time
        List<JsonNode> found = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = tenant.get("/audit?event=InvoiceFinalized&actor=" + tenant.accountantUserId
                    + "&from=" + start + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(found::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null);

        // then
        assertThat(pages).isEqualTo(2);
        assertThat(found).hasSize(3).allSatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("InvoiceFinalized");
            assertThat(e.path("aggregateKind").asText()).isEqualTo("invoice");
        });
        assertThat(found).extracting(e -> Instant.parse(e.path("time").asText())).isSorted();
        JsonNode everything = tenant.get("/audit?from=" + start).json().path("items");
        assertThat(everything).extracting(e -> e.path("event").asText()).contains("CustomerChanged");
        JsonNode before = tenant.get("/audit?to=" + start).json().path("items");
        assertThat(before).extracting(e -> e.path("event").asText()).contains("TenantCreated")
                .doesNotContain("InvoiceFinalized");
    }

    @Test
    default void shouldReflectTheWrite_whenAReadWaitsForIt() {
        // given a draft just changed (the response names what it wrote)
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();
        ApiResponse put = tenant.put("/invoices/" + invoiceId,
                Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.put("poNumber", "PO-78")), "\"0\"");
        assertThat(put.header("Invoiceflow-Version")).hasValue(invoiceId + ":1");

        // when a read waits for exactly that write
        ApiResponse read = api().get(tenant.path("/invoices/" + invoiceId) + "?waitFor=" + invoiceId + ":1")
                .token(tenant.accountantKey).send();

        // then it shows it
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"1\"");
        assertThat(read.json().path("poNumber").asText()).isEqualTo("PO-78");
    }

    @Test
    default void shouldAnswer503WithRetryAfter_whenTheAwaitedWriteIsNotReflectedInTime() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();

        // when waiting for a version that does not exist
        ApiResponse read = api().get(tenant.path("/invoices/" + invoiceId) + "?waitFor=" + invoiceId + ":7&waitMs=100")
                .token(tenant.accountantKey).send();

        // then
        assertProblem(read, 503, "READ_SIDE_UNAVAILABLE");
        assertThat(read.header("Retry-After")).hasValue("1");
    }

    @Test
    default void shouldAnswer400NamingTheParameter_whenAReadSideParameterIsMalformed() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();
        String invoice = tenant.path("/invoices/" + invoiceId);

        // when / then
        assertInvalid(api().get(invoice + "?waitFor=" + invoiceId).token(tenant.accountantKey).send(), "waitFor", "format");
        assertInvalid(api().get(invoice + "?waitFor=" + invoiceId + ":x").token(tenant.accountantKey).send(), "waitFor", "format");
        assertInvalid(api().get(invoice + "?waitFor=" + invoiceId + ":0&waitMs=60000").token(tenant.accountantKey).send(),
                "waitMs", "range");
        assertInvalid(tenant.get("/audit?from=yesterday"), "from", "format");
        assertInvalid(tenant.get("/audit?from=2026-11-30&to=2026-11-29"), "to", "after-from");
        assertInvalid(tenant.get("/audit?limit=501"), "limit", "range");
        assertInvalid(tenant.get("/audit?cursor=bm90LWEta2V5"), "cursor", "format");
    }

    @Test
    default void shouldAnswer404_whenTheAggregateHasNoHistory() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse unknown = tenant.get("/invoices/" + java.util.UUID.randomUUID() + "/history");

        // then
        assertProblem(unknown, 404, "NOT_FOUND");
    }

    private static String change(JsonNode entry, String path) {
        for (JsonNode change : entry.path("changes")) {
            if (change.path("path").asText().equals(path)) {
                return text(change.path("before")) + " -> " + text(change.path("after"));
            }
        }
        throw new AssertionError("no change of " + path + " in " + entry);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "null" : value.asText();
    }
}
