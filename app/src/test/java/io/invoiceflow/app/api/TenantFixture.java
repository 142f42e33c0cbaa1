package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh tenant made through the API: created by the operator, with an ADMIN and an ACCOUNTANT
 * user, customer {@code 10001} and catalogue product {@code CONSULT}. Every test makes its own, so
 * tests neither share state nor depend on their order (invoice numbers start at INV-1001).
 */
public final class TenantFixture {
    static final String CUSTOMER = "10001";
    static final String PRODUCT = "CONSULT";

    final ApiClient api;
    public final String id;
    public final String adminKey;
    final String adminUserId;
    public final String accountantKey;
    final String accountantUserId;

    private TenantFixture(ApiClient api, String id, JsonNode admin, JsonNode accountant) {
        this(api, id, admin.path("apiKey").asText(), admin.path("userId").asText(), accountant.path("apiKey").asText(),
                accountant.path("userId").asText());
    }

    private TenantFixture(ApiClient api, String id, String adminKey, String adminUserId, String accountantKey,
                          String accountantUserId) {
        this.api = api;
        this.id = id;
        this.adminKey = adminKey;
        this.adminUserId = adminUserId;
        this.accountantKey = accountantKey;
        this.accountantUserId = accountantUserId;
    }

    /** The same tenant and users, reached through another client (another instance, or a restarted one). */
    TenantFixture on(ApiClient other) {
        return new TenantFixture(other, id, adminKey, adminUserId, accountantKey, accountantUserId);
    }

    public static TenantFixture create(ApiClient api, String operatorToken) {
        ApiResponse tenant = api.post("/api/v1/tenants").token(operatorToken).json(Bodies.tenantProfile()).send();
        assertThat(tenant.status()).as("%s", tenant).isEqualTo(201);
        String id = tenant.json().path("tenantId").asText();
        String tenantPath = "/api/v1/tenants/" + id;
        ApiResponse admin = api.post(tenantPath + "/users").token(operatorToken).json(Bodies.user("Ada Admin", "ADMIN")).send();
        assertThat(admin.status()).as("%s", admin).isEqualTo(201);
        ApiResponse accountant = api.post(tenantPath + "/users").token(admin.json().path("apiKey").asText())
                .json(Bodies.user("Oda Accountant", "ACCOUNTANT")).send();
        assertThat(accountant.status()).as("%s", accountant).isEqualTo(201);
        TenantFixture fixture = new TenantFixture(api, id, admin.json(), accountant.json());
        fixture.expect(201, fixture.post("/customers", Bodies.customer(CUSTOMER)));
        fixture.expect(201, fixture.post("/products", Bodies.PRODUCT));
        return fixture;
    }

    /** {@code /api/v1/tenants/<id>} + suffix. */
    public String path(String suffix) {
        return "/api/v1/tenants/" + id + suffix;
    }

    /** A read that reflects every write of this fixture so far (it passes them as {@code waitFor}). */
    public ApiResponse get(String suffix) {
        return read(path(suffix), accountantKey);
    }

    /** GET {@code path} with {@code token}, after this fixture's writes. */
    ApiResponse read(String path, String token) {
        return api.get(afterWrites(path)).token(token).send();
    }

    /** {@code path} with what the client wrote to this tenant as the {@code waitFor} parameter (read-your-writes). */
    String afterWrites(String path) {
        Map<String, Long> written = api.writtenTo(id);
        if (written.isEmpty()) {
            return path;
        }
        String waitFor = written.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        return path + (path.contains("?") ? "&" : "?") + "waitFor=" + URLEncoder.encode(waitFor, StandardCharsets.UTF_8);
    }

    public ApiResponse post(String suffix, String json) {
        return api.post(path(suffix)).token(accountantKey).json(json).send();
    }

    public ApiResponse postEmpty(String suffix) {
        return api.post(path(suffix)).token(accountantKey).send();
    }

    ApiResponse put(String suffix, String json, String ifMatch) {
        ApiClient.Call call = api.put(path(suffix)).token(accountantKey).json(json);
        return (ifMatch == null ? call : call.ifMatch(ifMatch)).send();
    }

    ApiResponse delete(String suffix) {
        return api.delete(path(suffix)).token(accountantKey).send();
    }

    /** The API key of a new AUDITOR (read only) of the tenant. */
    String auditorKey() {
        ApiResponse auditor = api.post(path("/users")).token(adminKey).json(Bodies.user("Aud Auditor", "AUDITOR")).send();
        return expect(201, auditor).json().path("apiKey").asText();
    }

    public ApiResponse expect(int status, ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }

    String draftInvoice() {
        return draftInvoice(Bodies.INVOICE_DRAFT);
    }

    String draftInvoice(String body) {
        return expect(201, post("/invoices", body)).json().path("invoiceId").asText();
    }

    public String finalizedInvoice() {
        String invoiceId = draftInvoice();
        expect(200, postEmpty("/invoices/" + invoiceId + "/finalize"));
        return invoiceId;
    }

    String order() {
        return expect(201, post("/orders", Bodies.ORDER_DRAFT)).json().path("orderId").asText();
    }

    /** Credits line 1 of a new final invoice; returns the credit note id. */
    String creditNote() {
        String invoiceId = finalizedInvoice();
        return expect(201, post("/invoices/" + invoiceId + "/credit", "{\"lineNos\": [1]}")).json()
                .path("creditNoteId").asText();
    }

    /**
     * Registers a customer with a random number: a request that certainly stores one event. Once its
     * record is on the topic, every event stored before it is there too (the test app runs the topic
     * with one partition, and the forwarder publishes in store order).
     */
    ApiResponse marker() {
        return expect(201, post("/customers", Bodies.customer("m-" + UUID.randomUUID().toString().substring(0, 8))));
    }
}
