package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders: create, edit with If-Match, invoice (H1: an invoice from an order). */
interface OrderContract extends ApiTestContext {

    @Test
    default void shouldCreateAndEditOrder_whenIfMatchIsCurrent() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = tenant.post("/orders", Bodies.ORDER_DRAFT);
        ApiResponse edited = tenant.put(created.location().substring(tenant.path("").length()),
                Bodies.edit(Bodies.ORDER_DRAFT, o -> o.put("poNumber", "PO-2")), created.etag());
        ApiResponse stale = tenant.put(created.location().substring(tenant.path("").length()),
                Bodies.edit(Bodies.ORDER_DRAFT, o -> o.put("poNumber", "PO-3")), created.etag());

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String orderId = created.json().path("orderId").asText();
        assertThat(created.location()).isEqualTo(tenant.path("/orders/" + orderId));
        assertThat(created.etag()).isEqualTo("\"0\"");
        JsonNode order = created.json();
        assertThat(order.path("status").asText()).isEqualTo("OPEN");
        assertThat(order.path("customer").path("customerNumber").asText()).isEqualTo(TenantFixture.CUSTOMER);
        // 10 x 45.00 at 15 % and 1.5 x 1000.00 at 25 %
        assertThat(order.path("totals").path("netAmount").asText()).isEqualTo("1950.00");
        assertThat(order.path("totals").path("vatAmount").asText()).isEqualTo("442.50");
        assertThat(order.path("totals").path("grossAmount").asText()).isEqualTo("2392.50");
        assertThat(order.path("createdBy").asText()).isEqualTo(tenant.accountantUserId);
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.etag()).isEqualTo("\"1\"");
        assertProblem(stale, 412, "STALE_VERSION");
        ApiResponse read = tenant.get("/orders/" + orderId);
        assertThat(read.json().path("poNumber").asText()).isEqualTo("PO-2");
        assertThat(read.etag()).isEqualTo("\"1\"");
    }

    @Test
    default void shouldDraftInvoiceThatReferencesOrder_whenOrderIsInvoiced() {
        // given
        TenantFixture tenant = newTenant();
        String orderId = tenant.order();

        // when
        ApiResponse invoiced = tenant.post("/orders/" + orderId + "/invoice", "{\"paymentTerms\": {\"kind\": \"NET_30\"}}");

        // then
        assertThat(invoiced.status()).as("%s", invoiced).isEqualTo(201);
        String invoiceId = invoiced.json().path("invoiceId").asText();
        assertThat(invoiced.location()).isEqualTo(tenant.path("/invoices/" + invoiceId));
        ApiResponse invoice = tenant.read(invoiced.location(), tenant.accountantKey);
        assertThat(invoice.status()).isEqualTo(200);
        assertThat(invoice.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(invoice.json().path("origin").path("kind").asText()).isEqualTo("ORDER");
        assertThat(invoice.json().path("status").asText()).isEqualTo("DRAFT");
        assertThat(invoice.json().path("paymentTerms").path("kind").asText()).isEqualTo("NET_30");
        JsonNode order = tenant.get("/orders/" + orderId).json();
        assertThat(order.path("status").asText()).isEqualTo("INVOICED");
        assertThat(order.path("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(invoice.json().path("lines")).isEqualTo(order.path("lines"));
        assertThat(invoice.json().path("totals")).isEqualTo(order.path("totals"));
    }

    @Test
    default void shouldAnswer409_whenInvoicedOrderIsEditedOrInvoicedAgain() {
        // given
        TenantFixture tenant = newTenant();
        String orderId = tenant.order();
        tenant.expect(201, tenant.postEmpty("/orders/" + orderId + "/invoice"));
        ApiResponse before = tenant.get("/orders/" + orderId);

        // when
        ApiResponse edit = tenant.put("/orders/" + orderId, Bodies.ORDER_DRAFT, before.etag());
        ApiResponse again = tenant.postEmpty("/orders/" + orderId + "/invoice");

        // then
        assertProblem(edit, 409, "ILLEGAL_STATE");
        assertProblem(again, 409, "ILLEGAL_STATE");
        ApiResponse after = tenant.get("/orders/" + orderId);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.etag()).isEqualTo(before.etag());
    }
}
