package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.invoiceflow.app.api.Problems.assertInvalid;
import static io.invoiceflow.app.api.Problems.assertProblem;
import static io.invoiceflow.app.api.Problems.violations;
import static org.assertj.core.api.Assertions.assertThat;

/** H13 and C2 over HTTP: the invoice list filtered, sorted, paged and exported, and the dashboard. */
interface InvoiceListContract extends ApiTestContext {

    @Test
    default void shouldFilterSortAndPage_whenTheListIsQueried() {
        // given two drafts and three final invoices
        TenantFixture tenant = newTenant();
        tenant.draftInvoice();
        tenant.draftInvoice();
        List<String> finals = List.of(tenant.finalizedInvoice(), tenant.finalizedInvoice(), tenant.finalizedInvoice());

        // when the final ones are listed by number, two per page
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = tenant.get("/invoices?filter=" + encode("status eq FINALIZED and grossAmount gt 0")
                    + "&sort=number&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.json().path("total").asLong()).isEqualTo(3);
            page.json().path("items").forEach(i -> numbers.add(i.path("number").asText()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            assertThat(page.header("Invoiceflow-Position")).isPresent();
        } while (cursor != null);

        // then
        assertThat(numbers).containsExactly("INV-1001", "INV-1002", "INV-1003");
        JsonNode drafts = tenant.get("/invoices?filter=" + encode("status = DRAFT or number is null")).json();
        assertThat(drafts.path("total").asLong()).isEqualTo(2);
        JsonNode byCustomer = tenant.get("/invoices?filter=" + encode("q contains \"BRYGGEN\"") + "&sort=-grossAmount").json();
        assertThat(byCustomer.path("total").asLong()).isEqualTo(5);
        // all five have the same total: the order among them is the tie-breaker's (invoiceId), so check the order only
        List<java.math.BigDecimal> amounts = new ArrayList<>();
        byCustomer.path("items").forEach(i -> amounts.add(new java.math.BigDecimal(i.path("grossAmount").asText())));
        assertThat(amounts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byCustomer.path("items")).extracting(i -> i.path("invoiceId").asText()).containsAll(finals);
    }

    @Test
    default void shouldExportEveryMatchingInvoiceAsSpreadsheetSafeCsv_whenCsvIsAsked() {
        // given
        TenantFixture tenant = newTenant();
        tenant.finalizedInvoice();
        tenant.finalizedInvoice();

        // when
        ApiResponse csv = tenant.get("/invoices?format=csv&sort=number");
        ApiResponse semicolon = api().get(tenant.afterWrites(tenant.path("/invoices?separator=semicolon")))
                .token(tenant.accountantKey).header("Accept", "text/csv").send();

        // then a BOM, a header and one line per invoice
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("invoices.csv"));
        assertThat(csv.body()).startsWith("\uFEFF");
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("INV-1001");
        assertThat(lines[2]).contains("INV-1002");
        assertThat(semicolon.body().split("\r\n")[0]).contains(";");
    }

    @Test
    default void shouldCountAndSumPerStatus_whenTheDashboardIsRead() {
        // given two final invoices and a draft
        TenantFixture tenant = newTenant();
        tenant.finalizedInvoice();
        tenant.finalizedInvoice();
        tenant.draftInvoice();

        // when
        ApiResponse dashboard = tenant.get("/dashboard?granularity=day&top=5");

        // then
        assertThat(dashboard.status()).as("%s", dashboard).isEqualTo(200);
        JsonNode nok = dashboard.json().path("currencies").get(0);
        assertThat(nok.path("currency").asText()).isEqualTo("NOK");
        assertThat(nok.path("byStatus")).anySatisfy(s -> {
            assertThat(s.path("status").asText()).isEqualTo("FINALIZED");
            assertThat(s.path("count").asLong()).isEqualTo(2);
        });
        assertThat(nok.path("invoiced").path("count").asLong()).isEqualTo(2);
    }

    @Test
    default void shouldAnswer400NamingThePositionAndProblem_whenTheFilterIsBad() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse bad = tenant.get("/invoices?filter=" + encode("status eq"));

        // then
        JsonNode problem = invalidField(bad, "filter");
        assertThat(problem.path("errors").get(0).path("message").asText()).startsWith("at ");
        invalidField(tenant.get("/invoices?sort=colour"), "sort");
        invalidField(tenant.get("/invoices?limit=501"), "limit");
        invalidField(tenant.get("/invoices?cursor=bm9wZQ"), "cursor");
        assertInvalid(tenant.get("/invoices?format=xml"), "format", "one-of");
        assertInvalid(tenant.get("/dashboard?granularity=week"), "granularity", "one-of");
        assertInvalid(tenant.get("/dashboard?from=yesterday"), "from", "format");
    }

    private static JsonNode invalidField(ApiResponse response, String field) {
        JsonNode problem = assertProblem(response, 400, "INVALID_INPUT");
        assertThat(violations(problem)).as("errors of %s", response).anySatisfy(v -> assertThat(v).startsWith(field + " "));
        return problem;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
