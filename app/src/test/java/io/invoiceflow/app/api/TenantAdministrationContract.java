package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenants and users: the operator creates tenants, a tenant admin creates users with API keys. */
interface TenantAdministrationContract extends ApiTestContext {

    @Test
    default void shouldCreateTenantWith201AndLocation_whenOperatorPostsProfile() {
        // given
        String profile = Bodies.tenantProfile();

        // when
        ApiResponse created = api().post("/api/v1/tenants").token(ADMIN_TOKEN).json(profile).send();

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String tenantId = created.json().path("tenantId").asText();
        assertThat(created.location()).isEqualTo("/api/v1/tenants/" + tenantId);
        assertThat(created.etag()).isEqualTo("\"0\"");
        ApiResponse read = api().get(created.location()).token(ADMIN_TOKEN).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("profile").path("name").asText()).isEqualTo("Fjordkraft Regnskap AS");
        assertThat(read.json().path("invoicingActive").asBoolean()).isTrue();
        assertThat(read.json().path("users").size()).isZero();
    }

    @Test
    default void shouldReturnApiKeyOnlyAtCreation_whenTenantAdminCreatesUser() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(Bodies.user("Sam Sales", "SALES")).send();

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode user = created.json();
        String apiKey = user.path("apiKey").asText();
        assertThat(apiKey).startsWith("ifk_").hasSizeGreaterThan(40);
        assertThat(user.path("apiKeyPrefix").asText()).isEqualTo(apiKey.substring(0, 12));
        assertThat(created.header("Location")).as("users have no resource of their own").isEmpty();
        assertThat(created.header("Cache-Control")).hasValue("no-store");
        ApiResponse tenantView = api().get(tenant.path("")).token(tenant.adminKey).send();
        assertThat(tenantView.body()).doesNotContain(apiKey);
        assertThat(tenantView.json().path("users").findValuesAsText("userId")).contains(user.path("userId").asText());
        assertThat(tenantView.json().path("users").findValuesAsText("apiKeyPrefix")).contains(apiKey.substring(0, 12));
    }

    @Test
    default void shouldAcceptUsersKey_whenUserReadsOwnTenant() {
        // given
        TenantFixture tenant = newTenant();
        String salesKey = api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(Bodies.user("Sam Sales", "SALES")).send().json().path("apiKey").asText();

        // when
        ApiResponse read = api().get(tenant.path("")).token(salesKey).send();
        ApiResponse order = api().post(tenant.path("/orders")).token(salesKey).json(Bodies.ORDER_DRAFT).send();

        // then
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().path("tenantId").asText()).isEqualTo(tenant.id);
        assertThat(order.status()).as("%s", order).isEqualTo(201);
    }

    @Test
    default void shouldAnswer403Problem_whenUserKeyCallsOperatorOnlyRoute() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse response = api().post("/api/v1/tenants").token(tenant.adminKey).json(Bodies.tenantProfile()).send();

        // then
        assertProblem(response, 403, "FORBIDDEN");
    }

    @Test
    default void shouldAnswer403Problem_whenNonAdminUserCallsTenantAdminRoutes() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse createUser = api().post(tenant.path("/users")).token(tenant.accountantKey)
                .json(Bodies.user("Eve Intruder", "ADMIN")).send();
        ApiResponse deactivate = api().post(tenant.path("/invoicing/deactivate")).token(tenant.accountantKey).send();

        // then
        assertProblem(createUser, 403, "FORBIDDEN");
        assertProblem(deactivate, 403, "FORBIDDEN");
        JsonNode after = api().get(tenant.path("")).token(tenant.adminKey).send().json();
        assertThat(after.path("users").size()).isEqualTo(2);
        assertThat(after.path("invoicingActive").asBoolean()).isTrue();
    }

    @Test
    default void shouldAnswer403Problem_whenRoleLacksThePermission() {
        // given
        TenantFixture tenant = newTenant();
        String salesKey = api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(Bodies.user("Sam Sales", "SALES")).send().json().path("apiKey").asText();
        String auditorKey = api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(Bodies.user("Aud Auditor", "AUDITOR")).send().json().path("apiKey").asText();

        // when
        ApiResponse salesInvoices = api().post(tenant.path("/invoices")).token(salesKey).json(Bodies.INVOICE_DRAFT).send();
        ApiResponse salesProduct = api().post(tenant.path("/products")).token(salesKey)
                .json(Bodies.PRODUCT.replace("CONSULT", "P-9")).send();
        ApiResponse auditorCustomer = api().post(tenant.path("/customers")).token(auditorKey)
                .json(Bodies.customer("20002")).send();
        ApiResponse auditorReads = api().get(tenant.path("/customers/" + TenantFixture.CUSTOMER)).token(auditorKey).send();

        // then
        assertProblem(salesInvoices, 403, "FORBIDDEN");
        assertProblem(salesProduct, 403, "FORBIDDEN");
        assertProblem(auditorCustomer, 403, "FORBIDDEN");
        assertThat(auditorReads.status()).isEqualTo(200);
        assertThat(tenant.get("/customers/20002").status()).isEqualTo(404);
        assertThat(tenant.get("/products/P-9").status()).isEqualTo(404);
    }

    @Test
    default void shouldAnswer409Problem_whenUserEmailIsTakenInTenant() {
        // given
        TenantFixture tenant = newTenant();
        String body = Bodies.user("Twin", "AUDITOR");
        tenant.expect(201, api().post(tenant.path("/users")).token(tenant.adminKey).json(body).send());

        // when
        ApiResponse again = api().post(tenant.path("/users")).token(tenant.adminKey)
                .json(body.replace("twin.", "TWIN.")).send();

        // then
        assertProblem(again, 409, "ALREADY_EXISTS");
        assertThat(api().get(tenant.path("")).token(tenant.adminKey).send().json().path("users").size()).isEqualTo(3);
    }
}
