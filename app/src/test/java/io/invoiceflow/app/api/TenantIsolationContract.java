package io.invoiceflow.app.api;

import io.invoiceflow.web.WebApp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's users cannot see or touch another tenant: every such request answers 404, as for an id that does not exist. */
interface TenantIsolationContract extends ApiTestContext {

    /** Tenant B's documents, one in each state a route of the API acts on. */
    record Victim(TenantFixture tenant, String draft, String finalized, String order, String creditNote,
                  String frequency, String recurring) {
        static Victim create(TenantFixture tenant) {
            tenant.expect(201, DistributionListContract.put(tenant, TenantFixture.CUSTOMER, "faktura@victim.example"));
            tenant.expect(201, tenant.put("/settings/templates/" + TEMPLATE, SettingsBodies.STANDARD_TEMPLATE, null));
            tenant.expect(201, tenant.put("/settings/layouts/customers/" + TenantFixture.CUSTOMER,
                    "{\"layout\": \"custom:" + TEMPLATE + "\"}", null));
            tenant.expect(201, tenant.api.put(tenant.path("/settings/email-templates/invoice/sv")).token(tenant.adminKey)
                    .json(SettingsBodies.EMAIL_TEMPLATE).send());
            return new Victim(tenant, tenant.draftInvoice(), tenant.finalizedInvoice(), tenant.order(),
                    tenant.creditNote(), FrequencyContract.create(tenant, FrequencyContract.EVERY_OTHER_FRIDAY),
                    RecurringContract.createSubscription(tenant, RecurringContract.subscription(
                            RecurringContract.tomorrow(), TenantFixture.CUSTOMER)));
        }

        /** The victim's template, used by a customer rule. */
        static final String TEMPLATE = "house";

        /** The route's path with the path parameters filled in with this victim's ids. */
        String fill(WebApp.Route route, String tenantId) {
            String action = route.path().substring(route.path().lastIndexOf('/') + 1);
            boolean actsOnFinal = List.of("pay", "void", "credit", "clone", "send", "resend", "distribution").contains(action);
            String path = route.path()
                    .replace("{tenantId}", tenantId)
                    .replace("{invoiceId}", actsOnFinal ? finalized : draft)
                    .replace("{orderId}", order)
                    .replace("{creditNoteId}", creditNote)
                    .replace("{frequencyId}", frequency)
                    .replace("{recurringId}", recurring)
                    .replace("{customerNumber}", TenantFixture.CUSTOMER)
                    .replace("{productCode}", TenantFixture.PRODUCT)
                    .replace("{templateName}", TEMPLATE)
                    .replace("{documentType}", "invoice")
                    .replace("{language}", "sv");
            assertThat(path).as("%s has a path parameter this test does not know", route).doesNotContain("{");
            return path;
        }

        /** What the tenant looks like to its own users. */
        Map<String, String> state() {
            Map<String, String> views = new LinkedHashMap<>();
            for (String path : List.of("", "/invoices/" + draft, "/invoices/" + finalized, "/orders/" + order,
                    "/orders/" + order + "/distribution",
                    "/credit-notes/" + creditNote, "/customers/" + TenantFixture.CUSTOMER,
                    "/products/" + TenantFixture.PRODUCT, "/customers", "/products", "/frequencies/" + frequency,
                    "/frequencies?status=all", "/distribution-list", "/distribution-list/" + TenantFixture.CUSTOMER,
                    "/distribution-list/export", "/distribution-list/" + TenantFixture.CUSTOMER + "/history",
                    "/settings/payment", "/settings/layouts", "/settings/templates",
                    "/settings/templates/" + TEMPLATE, "/settings/email-templates", "/settings/sender-account",
                    "/recurring/" + recurring, "/recurring", "/recurring/" + recurring + "/history")) {
                views.put(path, tenant.get(path).state());
            }
            return views;
        }
    }

    /** A valid body for the route, so that nothing but the tenant boundary can refuse the request. */
    static String validBody(WebApp.Route route) {
        String p = route.path();
        if (route.method().equals("GET") || route.method().equals("DELETE") || p.endsWith("/finalize")
                || p.endsWith("/clone") || p.endsWith("/activate") || p.endsWith("/invoice")
                || p.endsWith("/deactivate") && p.contains("{frequencyId}") || p.endsWith("/reactivate")) {
            return null;
        } else if (p.endsWith("/resend")) {
            return "{\"to\": [\"mallory@example.no\"]}";
        } else if (p.endsWith("/send")) {
            return "{}";
        } else if (p.endsWith("/deactivate") || p.endsWith("/void")) {
            return "{\"reason\": \"probe\"}";
        } else if (p.endsWith("/users")) {
            return Bodies.user("Mallory", "ADMIN");
        } else if (p.endsWith("/customers")) {
            return Bodies.customer("20002");
        } else if (p.endsWith("/layouts/customers/{customerNumber}")) {
            return "{\"layout\": \"modern\"}";
        } else if (p.endsWith("/customers/{customerNumber}")) {
            return Bodies.customerDetails();
        } else if (p.endsWith("/products")) {
            return Bodies.PRODUCT.replace("CONSULT", "P-2");
        } else if (p.endsWith("/products/{productCode}")) {
            return "{\"name\": \"Cheap\", \"unit\": \"pcs\", \"unitPrice\": \"1.00\", \"vatRate\": 25}";
        } else if (p.endsWith("/orders") || p.endsWith("/orders/{orderId}")) {
            return Bodies.ORDER_DRAFT;
        } else if (p.endsWith("/invoices") || p.endsWith("/invoices/{invoiceId}")) {
            return Bodies.INVOICE_DRAFT;
        } else if (p.endsWith("/pay")) {
            return "{\"paymentDate\": \"" + InvoiceLifecycleContract.yesterdayInOslo() + "\"}";
        } else if (p.endsWith("/credit")) {
            return "{\"lineNos\": [1]}";
        } else if (p.endsWith("/frequencies") || p.endsWith("/frequencies/{frequencyId}")
                || p.endsWith("/frequencies/preview")) {
            return FrequencyContract.EVERY_OTHER_FRIDAY;
        } else if (p.endsWith("/rename")) {
            return "{\"name\": \"Mallory's\"}";
        } else if (p.endsWith("/distribution-list/{customerNumber}")) {
            return DistributionListContract.email("mallory@evil.example");
        } else if (p.endsWith("/distribution-list/import")) {
            return "customer_number,email\n" + TenantFixture.CUSTOMER + ",mallory@evil.example\n";
        } else if (p.endsWith("/dev/morning-run")) {
            return "{\"date\": \"2027-01-01\"}";
        } else if (p.endsWith("/settings/payment")) {
            return SettingsBodies.PAYMENT;
        } else if (p.endsWith("/settings/layouts")) {
            return SettingsBodies.LAYOUTS;
        } else if (p.endsWith("/templates/{templateName}") || p.endsWith("/templates/{templateName}/preview")) {
            return SettingsBodies.STANDARD_TEMPLATE;
        } else if (p.endsWith("/email-templates/{documentType}/{language}")) {
            return SettingsBodies.EMAIL_TEMPLATE;
        } else if (p.endsWith("/sender-account")) {
            return SettingsBodies.SENDER_ACCOUNT;
        } else if (p.endsWith("/sender-account/test")) {
            return "{\"to\": \"mallory@example.no\"}";
        } else if (p.endsWith("/invoices/{invoiceId}/recurring")) {
            return "{\"period\": \"MONTH\", \"firstDate\": \"" + RecurringContract.tomorrow() + "\"}";
        } else if (p.endsWith("/subscriptions")) {
            return RecurringContract.subscription(RecurringContract.tomorrow(), TenantFixture.CUSTOMER);
        } else if (p.endsWith("/pause") || p.endsWith("/resume") || p.endsWith("/stop")) {
            return null;
        } else if (p.endsWith("/subscribers")) {
            return "{\"customerNumber\": \"" + TenantFixture.CUSTOMER + "\"}";
        } else if (p.endsWith("/subscribers/{customerNumber}")) {
            return "{\"endDate\": null}";
        }
        throw new AssertionError(route + " is new: give it a valid body in this test");
    }

    private ApiResponse send(WebApp.Route route, String path, String token) {
        ApiClient.Call call = api().call(route.method(), path).token(token);
        String body = validBody(route);
        if (body != null) {
            call.body(route.path().endsWith("/import") ? "text/csv" : "application/json", body);
        }
        return call.send();
    }

    @Test
    default void shouldAnswer404OnEveryTenantRoute_whenTokenBelongsToAnotherTenant() {
        // given
        TenantFixture caller = newTenant();
        Victim victim = Victim.create(newTenant());
        Map<String, String> before = victim.state();
        List<WebApp.Route> tenantRoutes = WebApp.routes().stream()
                .filter(r -> r.path().startsWith(WebApp.API + "/tenants/{tenantId}"))
                .toList();

        // when
        Map<WebApp.Route, ApiResponse> responses = new LinkedHashMap<>();
        for (WebApp.Route route : tenantRoutes) {
            responses.put(route, send(route, victim.fill(route, victim.tenant().id), caller.adminKey));
        }

        // then
        assertThat(tenantRoutes).hasSizeGreaterThanOrEqualTo(20);
        List<String> requestIds = new ArrayList<>();
        responses.forEach((route, response) -> {
            assertProblem(response, 404, "NOT_FOUND");
            requestIds.add(response.requestId());
        });
        assertThat(victim.state()).isEqualTo(before);
        assertNoEventFrom(caller, requestIds);
    }

    @Test
    default void shouldAnswer404_whenOwnTenantPathNamesAnotherTenantsDocument() {
        // given
        TenantFixture caller = newTenant();
        Victim victim = Victim.create(newTenant());
        Map<String, String> before = victim.state();
        List<WebApp.Route> documentRoutes = WebApp.routes().stream()
                .filter(r -> r.path().startsWith(WebApp.API + "/tenants/{tenantId}"))
                .filter(r -> r.path().contains("{invoiceId}") || r.path().contains("{orderId}")
                        || r.path().contains("{creditNoteId}") || r.path().contains("{frequencyId}")
                        || r.path().contains("{recurringId}"))
                .toList();

        // when
        Map<WebApp.Route, ApiResponse> responses = new LinkedHashMap<>();
        for (WebApp.Route route : documentRoutes) {
            responses.put(route, send(route, victim.fill(route, caller.id), caller.adminKey));
        }

        // then
        assertThat(documentRoutes).hasSizeGreaterThanOrEqualTo(17);
        List<String> requestIds = new ArrayList<>();
        responses.forEach((route, response) -> {
            assertProblem(response, 404, "NOT_FOUND");
            requestIds.add(response.requestId());
        });
        assertThat(victim.state()).isEqualTo(before);
        assertNoEventFrom(caller, requestIds);
    }
}
