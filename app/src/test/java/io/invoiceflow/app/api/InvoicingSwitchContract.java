package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.web.WebApp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** S1: a tenant can deactivate invoicing; orders keep working. */
interface InvoicingSwitchContract extends ApiTestContext {

    /**
     * Every route that changes an invoice or makes one, or changes a recurring invoice or subscription:
     * the invoicing commands of S1.
     */
    static List<WebApp.Route> invoicingRoutes() {
        return WebApp.routes().stream()
                .filter(r -> !r.method().equals("GET"))
                .filter(r -> r.path().contains("/invoices") || r.path().endsWith("/invoice")
                        || r.path().contains("/recurring") || r.path().endsWith("/subscriptions"))
                .toList();
    }

    @Test
    default void shouldRefuseEveryInvoicingRouteWith409_whenInvoicingIsDeactivated() {
        // given: documents in the states in which each invoicing command would succeed
        TenantFixture tenant = newTenant();
        String draft = tenant.draftInvoice();
        String finalized = tenant.finalizedInvoice();
        String order = tenant.order();
        String recurring = RecurringContract.createSubscription(tenant,
                RecurringContract.subscription(RecurringContract.tomorrow(), TenantFixture.CUSTOMER));
        Map<String, String> bodies = Map.of(
                "pay", "{\"paymentDate\": \"" + InvoiceLifecycleContract.yesterdayInOslo() + "\"}",
                "void", "{\"reason\": \"test\"}",
                "credit", "{\"lineNos\": [1]}",
                "send", "{}",
                "resend", "{\"to\": [\"faktura@example.no\"]}",
                "recurring", "{\"period\": \"MONTH\", \"firstDate\": \"" + RecurringContract.tomorrow() + "\"}",
                "subscriptions", RecurringContract.subscription(RecurringContract.tomorrow(), TenantFixture.CUSTOMER),
                "subscribers", "{\"customerNumber\": \"" + TenantFixture.CUSTOMER + "\"}",
                "{customerNumber}", "{\"endDate\": null}");
        ApiResponse deactivated = api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey)
                .json("{\"reason\": \"Moving to another system\"}").send();
        assertThat(deactivated.status()).as("%s", deactivated).isEqualTo(200);
        assertThat(deactivated.json().path("invoicingActive").asBoolean()).isFalse();
        Map<String, String> before = snapshot(tenant, draft, finalized, order, recurring);

        // when
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        for (WebApp.Route route : invoicingRoutes()) {
            String action = route.path().substring(route.path().lastIndexOf('/') + 1);
            boolean onFinal = bodies.containsKey(action) || action.equals("clone");
            String path = route.path()
                    .replace("{tenantId}", tenant.id)
                    .replace("{invoiceId}", onFinal ? finalized : draft)
                    .replace("{orderId}", order)
                    .replace("{recurringId}", recurring)
                    .replace("{customerNumber}", TenantFixture.CUSTOMER);
            assertThat(path).as("route %s has an unknown path parameter", route).doesNotContain("{");
            ApiClient.Call call = api().call(route.method(), path).token(tenant.accountantKey);
            if (bodies.containsKey(action) && !route.method().equals("DELETE")) {
                call.json(bodies.get(action));
            } else if (route.path().endsWith("/invoices") || route.method().equals("PUT")) {
                call.json(Bodies.INVOICE_DRAFT);
            }
            responses.put(route.method() + " " + route.path(), call.send());
        }

        // then
        assertThat(responses.keySet()).contains(
                "POST /api/v1/tenants/{tenantId}/invoices",
                "PUT /api/v1/tenants/{tenantId}/invoices/{invoiceId}",
                "DELETE /api/v1/tenants/{tenantId}/invoices/{invoiceId}",
                "POST /api/v1/tenants/{tenantId}/invoices/{invoiceId}/finalize",
                "POST /api/v1/tenants/{tenantId}/invoices/{invoiceId}/pay",
                "POST /api/v1/tenants/{tenantId}/invoices/{invoiceId}/void",
                "POST /api/v1/tenants/{tenantId}/invoices/{invoiceId}/credit",
                "POST /api/v1/tenants/{tenantId}/invoices/{invoiceId}/clone",
                "POST /api/v1/tenants/{tenantId}/orders/{orderId}/invoice",
                "POST /api/v1/tenants/{tenantId}/invoices/{invoiceId}/recurring",
                "POST /api/v1/tenants/{tenantId}/subscriptions",
                "POST /api/v1/tenants/{tenantId}/recurring/{recurringId}/pause",
                "POST /api/v1/tenants/{tenantId}/recurring/{recurringId}/stop",
                "PUT /api/v1/tenants/{tenantId}/recurring/{recurringId}/subscribers/{customerNumber}",
                "DELETE /api/v1/tenants/{tenantId}/recurring/{recurringId}/subscribers/{customerNumber}");
        List<String> refused = new ArrayList<>();
        responses.forEach((route, response) -> {
            JsonNode problem = assertProblem(response, 409, "INVOICING_DEACTIVATED");
            assertThat(problem.path("detail").asText()).as(route).containsIgnoringCase("invoicing is deactivated");
            refused.add(response.requestId());
        });
        assertThat(snapshot(tenant, draft, finalized, order, recurring)).isEqualTo(before);
        assertNoEventFrom(tenant, refused);
    }

    @Test
    default void shouldStillCreateAndEditOrders_whenInvoicingIsDeactivated() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey).send());

        // when
        ApiResponse created = tenant.post("/orders", Bodies.ORDER_DRAFT);
        ApiResponse edited = api().put(created.location()).token(tenant.accountantKey).ifMatch(created.etag())
                .json(Bodies.edit(Bodies.ORDER_DRAFT, o -> o.put("comments", "Deliver on Monday"))).send();

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().path("comments").asText()).isEqualTo("Deliver on Monday");
        assertThat(api().get(tenant.path("")).token(tenant.adminKey).send().json().path("invoicingActive").asBoolean())
                .isFalse();
    }

    @Test
    default void shouldInvoiceAgain_whenInvoicingIsActivatedAgain() {
        // given
        TenantFixture tenant = newTenant();
        String order = tenant.order();
        tenant.expect(200, api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey).send());
        assertProblem(tenant.post("/invoices", Bodies.INVOICE_DRAFT), 409, "INVOICING_DEACTIVATED");

        // when
        ApiResponse activated = api().post(tenant.path("/invoicing/activate")).token(tenant.adminKey).send();

        // then
        assertThat(activated.status()).as("%s", activated).isEqualTo(200);
        assertThat(activated.json().path("invoicingActive").asBoolean()).isTrue();
        String invoiceId = tenant.draftInvoice();
        assertThat(tenant.expect(200, tenant.postEmpty("/invoices/" + invoiceId + "/finalize")).json()
                .path("number").asText()).isEqualTo("INV-1001");
        assertThat(tenant.postEmpty("/orders/" + order + "/invoice").status()).isEqualTo(201);
    }

    private Map<String, String> snapshot(TenantFixture tenant, String draft, String finalized, String order,
                                         String recurring) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : List.of("", "/invoices/" + draft, "/invoices/" + finalized, "/orders/" + order,
                "/recurring/" + recurring, "/recurring")) {
            views.put(path, tenant.get(path).state());
        }
        return views;
    }
}
