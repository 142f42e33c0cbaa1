package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.web.api.ApiKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** C3: every change reaches {@code invoicing.events} as a CloudEvent keyed by its aggregate; S6-style secrecy of keys. */
interface EventStreamContract extends ApiTestContext {

    @Test
    default void shouldPublishEachChangeAsOrderedCloudEvent_whenInvoiceGoesThroughItsLifecycle() {
        // given
        TenantFixture tenant = newTenant();
        String run = UUID.randomUUID().toString().substring(0, 8);

        // when
        ApiResponse create = api().post(tenant.path("/invoices")).token(tenant.accountantKey)
                .requestId("create-" + run).json(Bodies.INVOICE_DRAFT).send();
        String invoiceId = create.json().path("invoiceId").asText();
        ApiResponse change = api().put(create.location()).token(tenant.adminKey).requestId("change-" + run)
                .ifMatch("\"0\"").json(Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.put("poNumber", "PO-78"))).send();
        ApiResponse finalize = api().post(create.location() + "/finalize").token(tenant.accountantKey)
                .requestId("finalize-" + run).send();
        ApiResponse credit = api().post(create.location() + "/credit").token(tenant.accountantKey)
                .requestId("credit-" + run).json("{\"lineNos\": [1]}").send();
        ApiResponse pay = api().post(create.location() + "/pay").token(tenant.accountantKey).requestId("pay-" + run)
                .json("{\"paymentDate\": \"" + InvoiceLifecycleContract.yesterdayInOslo() + "\"}").send();

        // then
        for (ApiResponse response : List.of(create, change, finalize, credit, pay)) {
            assertThat(response.status()).as("%s", response).isIn(200, 201);
            assertThat(response.header("X-Request-Id")).hasValue(response.requestId());
        }
        List<EventTopic.EventRecord> records = topic().awaitAggregate(invoiceId, 5);
        assertThat(records).extracting(EventTopic.EventRecord::type).containsExactly(
                "io.invoiceflow.invoice.InvoiceDrafted.v1",
                "io.invoiceflow.invoice.InvoiceDraftChanged.v1",
                "io.invoiceflow.invoice.InvoiceFinalized.v1",
                "io.invoiceflow.invoice.InvoiceCredited.v1",
                "io.invoiceflow.invoice.InvoicePaid.v1");
        assertThat(records).extracting(r -> r.header("ce_sequence")).containsExactly("0", "1", "2", "3", "4");
        assertThat(records).extracting(r -> r.header("ce_requestid")).containsExactly(
                "create-" + run, "change-" + run, "finalize-" + run, "credit-" + run, "pay-" + run);
        assertThat(records).extracting(r -> r.header("ce_actor")).containsExactly(tenant.accountantUserId,
                tenant.adminUserId, tenant.accountantUserId, tenant.accountantUserId, tenant.accountantUserId);
        Instant previous = Instant.EPOCH;
        for (EventTopic.EventRecord r : records) {
            assertThat(r.key()).isEqualTo(invoiceId);
            assertCloudEvent(r, tenant.id, "invoice", invoiceId);
            Instant time = Instant.parse(r.header("ce_time"));
            assertThat(time).isAfterOrEqualTo(previous);
            previous = time;
            assertThat(r.json().path("invoiceId").asText()).isEqualTo(invoiceId);
            assertThat(r.json().path("tenantId").asText()).isEqualTo(tenant.id);
        }
        assertThat(records.get(2).json().path("number").asText()).isEqualTo("INV-1001");
        assertThat(records.get(2).json().path("totals").path("grossAmount").asText()).isEqualTo("2939.66");
        assertThat(records.get(4).json().path("paidAmount").isMissingNode()).isTrue();
        assertThat(records.get(4).json().path("amount").asText()).isEqualTo("2250.00");

        String creditNoteId = credit.json().path("creditNoteId").asText();
        List<EventTopic.EventRecord> creditNote = topic().awaitAggregate(creditNoteId, 1);
        assertThat(creditNote).hasSize(1);
        assertThat(creditNote.get(0).type()).isEqualTo("io.invoiceflow.creditnote.CreditNoteIssued.v1");
        assertThat(creditNote.get(0).header("ce_requestid")).isEqualTo("credit-" + run);
        assertThat(creditNote.get(0).header("ce_sequence")).isEqualTo("0");
        assertCloudEvent(creditNote.get(0), tenant.id, "creditnote", creditNoteId);
        assertThat(creditNote.get(0).json().path("number").asText()).isEqualTo("CN-1");
        assertThat(creditNote.get(0).json().path("invoiceNumber").asText()).isEqualTo("INV-1001");

        List<EventTopic.EventRecord> all = topic().all();
        Set<String> ids = new HashSet<>();
        all.forEach(r -> assertThat(ids.add(r.header("ce_id"))).as("ce_id of %s is unique", r).isTrue());
    }

    @Test
    default void shouldPublishEveryKindOfChange_whenTenantIsUsedThroughTheApi() {
        // given
        ApiResponse tenantCreated = api().post("/api/v1/tenants").token(ADMIN_TOKEN).json(Bodies.tenantProfile()).send();
        String tenantId = tenantCreated.json().path("tenantId").asText();
        String base = "/api/v1/tenants/" + tenantId;
        ApiResponse user = api().post(base + "/users").token(ADMIN_TOKEN).json(Bodies.user("Ada Admin", "ADMIN")).send();
        String key = user.json().path("apiKey").asText();
        String userId = user.json().path("userId").asText();

        // when
        ApiResponse customer = api().post(base + "/customers").token(key).json(Bodies.customer("10001")).send();
        ApiResponse customerChanged = api().put(base + "/customers/10001").token(key).json(Bodies.customerDetails()).send();
        ApiResponse product = api().post(base + "/products").token(key).json(Bodies.PRODUCT).send();
        ApiResponse productChanged = api().put(base + "/products/CONSULT").token(key)
                .json("{\"name\": \"Consulting\", \"unit\": \"hours\", \"unitPrice\": 1200, \"vatRate\": 25}").send();
        ApiResponse order = api().post(base + "/orders").token(key).json(Bodies.ORDER_DRAFT).send();
        String orderId = order.json().path("orderId").asText();
        ApiResponse orderChanged = api().put(base + "/orders/" + orderId).token(key).json(Bodies.ORDER_DRAFT).send();
        ApiResponse invoiced = api().post(base + "/orders/" + orderId + "/invoice").token(key).send();
        String invoiceId = invoiced.json().path("invoiceId").asText();
        ApiResponse cloned = api().post(base + "/invoices/" + invoiceId + "/clone").token(key).send();
        ApiResponse deleted = api().delete(base + "/invoices/" + invoiceId).token(key).send();
        ApiResponse finalized = api().post(cloned.location() + "/finalize").token(key).send();
        ApiResponse voided = api().post(cloned.location() + "/void").token(key).json("{\"reason\": \"test\"}").send();
        ApiResponse deactivated = api().post(base + "/invoicing/deactivate").token(key).send();
        ApiResponse activated = api().post(base + "/invoicing/activate").token(key).send();

        // then
        Map<ApiResponse, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put(tenantCreated, List.of("io.invoiceflow.tenant.TenantCreated.v1"));
        expected.put(user, List.of("io.invoiceflow.tenant.UserCreated.v1"));
        expected.put(customer, List.of("io.invoiceflow.customer.CustomerRegistered.v1"));
        expected.put(customerChanged, List.of("io.invoiceflow.customer.CustomerChanged.v1"));
        expected.put(product, List.of("io.invoiceflow.product.ProductAdded.v1"));
        expected.put(productChanged, List.of("io.invoiceflow.product.ProductChanged.v1"));
        expected.put(order, List.of("io.invoiceflow.order.OrderCreated.v1"));
        expected.put(orderChanged, List.of("io.invoiceflow.order.OrderChanged.v1"));
        expected.put(invoiced, List.of("io.invoiceflow.order.OrderInvoiced.v1", "io.invoiceflow.invoice.InvoiceDrafted.v1"));
        expected.put(cloned, List.of("io.invoiceflow.invoice.InvoiceDrafted.v1"));
        expected.put(deleted, List.of("io.invoiceflow.invoice.InvoiceDraftDeleted.v1"));
        expected.put(finalized, List.of("io.invoiceflow.invoice.InvoiceFinalized.v1"));
        expected.put(voided, List.of("io.invoiceflow.invoice.InvoiceVoided.v1"));
        expected.put(deactivated, List.of("io.invoiceflow.tenant.InvoicingDeactivated.v1"));
        expected.put(activated, List.of("io.invoiceflow.tenant.InvoicingActivated.v1"));
        topic().awaitRequest(activated.requestId());
        expected.forEach((response, types) -> {
            assertThat(response.status()).as("%s", response).isBetween(200, 204);
            List<EventTopic.EventRecord> records = topic().ofRequest(response.requestId());
            assertThat(records).as("records of %s", response).extracting(EventTopic.EventRecord::type)
                    .containsExactlyInAnyOrderElementsOf(types);
            String actor = response == tenantCreated || response == user ? "admin" : userId;
            records.forEach(r -> {
                assertThat(r.header("ce_tenantid")).as("%s", r).isEqualTo(tenantId);
                assertThat(r.header("ce_actor")).as("%s", r).isEqualTo(actor);
                assertThat(r.key()).as("%s", r).isEqualTo(r.header("ce_subject"));
                assertThat(r.json().path("tenantId").asText()).as("%s", r).isEqualTo(tenantId);
            });
        });
        assertThat(topic().ofRequest(customer.requestId()).get(0).key()).isEqualTo(tenantId + "/customer/10001");
        assertThat(topic().ofRequest(product.requestId()).get(0).key()).isEqualTo(tenantId + "/product/CONSULT");
        assertThat(topic().ofRequest(tenantCreated.requestId()).get(0).key()).isEqualTo(tenantId);
    }

    @Test
    default void shouldNeverExposeApiKeyOrItsHash_whenUserIsCreated() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(Bodies.user("Secret Keeper", "AUDITOR")).send();
        String apiKey = created.json().path("apiKey").asText();
        List<EventTopic.EventRecord> userCreated = topic().awaitRequest(created.requestId());
        awaitEveryEventStoredSoFar(tenant);

        // then
        assertThat(userCreated).extracting(EventTopic.EventRecord::type).containsExactly("io.invoiceflow.tenant.UserCreated.v1");
        assertThat(userCreated.get(0).json().path("apiKeyPrefix").asText()).isEqualTo(apiKey.substring(0, 12));
        List<String> secrets = List.of(apiKey, ApiKeys.sha256(apiKey), tenant.adminKey, ApiKeys.sha256(tenant.adminKey),
                tenant.accountantKey, ApiKeys.sha256(tenant.accountantKey), ADMIN_TOKEN, ApiKeys.sha256(ADMIN_TOKEN));
        for (EventTopic.EventRecord r : topic().all()) {
            for (String secret : secrets) {
                assertThat(r.valueText()).as("value of %s", r).doesNotContain(secret);
                assertThat(r.key()).as("key of %s", r).doesNotContain(secret);
                r.headers().forEach((name, value) -> assertThat(value).as("header %s of %s", name, r).doesNotContain(secret));
            }
        }
        String tenantView = api().get(tenant.path("")).token(tenant.adminKey).send().body();
        for (String secret : secrets) {
            assertThat(tenantView).doesNotContain(secret);
        }
    }

    private static void assertCloudEvent(EventTopic.EventRecord r, String tenantId, String kind, String aggregateId) {
        assertThat(r.header("ce_specversion")).as("%s", r).isEqualTo("1.0");
        assertThat(r.header("ce_id")).as("%s", r).isNotBlank();
        assertThat(r.type()).as("%s", r).matches("io\\.invoiceflow\\." + kind + "\\.[A-Z][A-Za-z]+\\.v\\d+");
        assertThat(r.header("ce_source")).as("%s", r).isEqualTo("/invoiceflow/tenants/" + tenantId + "/" + kind);
        assertThat(r.header("ce_subject")).as("%s", r).isEqualTo(aggregateId);
        assertThat(Instant.parse(r.header("ce_time"))).as("%s", r).isBefore(Instant.now().plusSeconds(60));
        assertThat(r.header("content-type")).as("%s", r).isEqualTo("application/json");
        assertThat(r.header("ce_tenantid")).as("%s", r).isEqualTo(tenantId);
        assertThat(r.headerKeys()).as("each header once in %s", r).doesNotHaveDuplicates();
    }
}
