package io.invoiceflow.app.api;

import org.junit.jupiter.api.Test;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens: without a known one, every API route answers 401 with a challenge. */
interface AuthenticationContract extends ApiTestContext {

    @Test
    default void shouldAnswer401WithChallenge_whenBearerTokenIsMissing() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse read = api().get(tenant.path("")).send();
        ApiResponse create = api().post(tenant.path("/invoices")).json(Bodies.INVOICE_DRAFT).send();

        // then
        for (ApiResponse response : new ApiResponse[] {read, create}) {
            assertProblem(response, 401, "UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    default void shouldAnswer401WithChallenge_whenBearerTokenIsUnknown() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse unknownKey = api().get(tenant.path("")).token("ifk_" + "A".repeat(43)).send();
        ApiResponse emptyToken = api().get(tenant.path("")).header("Authorization", "Bearer ").send();
        ApiResponse otherScheme = api().get(tenant.path("")).header("Authorization", "Basic YWRtaW46YWRtaW4=").send();
        ApiResponse operatorCreate = api().post("/api/v1/tenants").token(ADMIN_TOKEN + "x").json(Bodies.tenantProfile()).send();

        // then
        for (ApiResponse response : new ApiResponse[] {unknownKey, emptyToken, otherScheme, operatorCreate}) {
            assertProblem(response, 401, "UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    default void shouldAuthenticateBeforeReadingBody_whenTokenIsMissingAndBodyIsMalformed() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse response = api().post(tenant.path("/invoices")).json("{not json").send();

        // then
        assertProblem(response, 401, "UNAUTHENTICATED");
    }
}
