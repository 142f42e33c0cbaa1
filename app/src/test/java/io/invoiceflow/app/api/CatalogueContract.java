package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers and catalogue products. */
interface CatalogueContract extends ApiTestContext {

    @Test
    default void shouldCreateAndReadCustomer_whenCustomerIsPosted() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = tenant.post("/customers", Bodies.customer("C-100"));

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.location()).isEqualTo(tenant.path("/customers/C-100"));
        assertThat(created.etag()).isEqualTo("\"0\"");
        ApiResponse read = api().get(created.location()).token(tenant.accountantKey).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"0\"");
        JsonNode customer = read.json();
        assertThat(customer.path("customerNumber").asText()).isEqualTo("C-100");
        assertThat(customer.path("name").asText()).isEqualTo("Bryggen Bakeri AS");
        assertThat(customer.path("contacts").get(0).path("email").asText()).isEqualTo("kari@bryggen.example");
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    default void shouldAnswer409AndKeepCustomer_whenCustomerNumberIsTaken() {
        // given
        TenantFixture tenant = newTenant();
        ApiResponse before = tenant.get("/customers/" + TenantFixture.CUSTOMER);

        // when
        ApiResponse again = tenant.post("/customers", Bodies.edit(Bodies.customer(TenantFixture.CUSTOMER),
                c -> c.put("name", "Somebody Else AS")));

        // then
        assertProblem(again, 409, "ALREADY_EXISTS");
        ApiResponse after = tenant.get("/customers/" + TenantFixture.CUSTOMER);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.etag()).isEqualTo(before.etag());
    }

    @Test
    default void shouldPageThroughEveryCustomerOnce_whenListingWithAfterAndLimit() {
        // given
        TenantFixture tenant = newTenant();
        for (String number : List.of("b", "A1", "a-1", "B-2", "20002", "z.9")) {
            tenant.expect(201, tenant.post("/customers", Bodies.customer(number)));
        }

        // when
        JsonNode all = tenant.get("/customers?limit=500").json();
        List<String> paged = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 20; page++) {
            ApiResponse response = tenant.get("/customers?limit=2" + (after == null ? "" : "&after=" + after));
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.json().path("limit").asInt()).isEqualTo(2);
            List<String> numbers = response.json().path("items").findValuesAsText("customerNumber");
            assertThat(numbers).hasSizeLessThanOrEqualTo(2);
            if (numbers.isEmpty()) {
                break;
            }
            paged.addAll(numbers);
            after = numbers.get(numbers.size() - 1);
        }

        // then
        List<String> listed = all.path("items").findValuesAsText("customerNumber");
        assertThat(listed).containsExactlyInAnyOrder("10001", "b", "A1", "a-1", "B-2", "20002", "z.9");
        assertThat(listed).isSorted();
        assertThat(paged).containsExactlyElementsOf(listed);
    }

    @Test
    default void shouldAnswer400_whenListLimitIsOutOfRange() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse zero = tenant.get("/customers?limit=0");
        ApiResponse tooMany = tenant.get("/customers?limit=501");
        ApiResponse word = tenant.get("/customers?limit=ten");

        // then
        Problems.assertInvalid(zero, "limit", "range");
        Problems.assertInvalid(tooMany, "limit", "range");
        Problems.assertInvalid(word, "limit", "range");
    }

    @Test
    default void shouldChangeCustomer_whenIfMatchIsCurrent() {
        // given
        TenantFixture tenant = newTenant();
        ApiResponse before = tenant.get("/customers/" + TenantFixture.CUSTOMER);
        String changed = Bodies.edit(Bodies.customerDetails(), c -> c.put("name", "Bryggen Bakeri og Kafe AS"));

        // when
        ApiResponse put = tenant.put("/customers/" + TenantFixture.CUSTOMER, changed, before.etag());
        ApiResponse stale = tenant.put("/customers/" + TenantFixture.CUSTOMER,
                Bodies.edit(changed, c -> c.put("name", "Lost Update AS")), before.etag());

        // then
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.etag()).isEqualTo("\"1\"");
        assertThat(put.json().path("name").asText()).isEqualTo("Bryggen Bakeri og Kafe AS");
        assertProblem(stale, 412, "STALE_VERSION");
        ApiResponse after = tenant.get("/customers/" + TenantFixture.CUSTOMER);
        assertThat(after.json().path("name").asText()).isEqualTo("Bryggen Bakeri og Kafe AS");
        assertThat(after.etag()).isEqualTo("\"1\"");
    }

    @Test
    default void shouldCreateListAndChangeProduct_whenCatalogueIsEdited() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = tenant.post("/products",
                "{\"productCode\": \"BREAD-1\", \"name\": \"Bread\", \"unit\": \"pcs\", \"unitPrice\": \"45.00\", \"vatRate\": \"15.0\"}");
        ApiResponse changed = tenant.put("/products/BREAD-1",
                "{\"name\": \"Sourdough bread\", \"unit\": \"pcs\", \"unitPrice\": 52.5, \"vatRate\": 15}", created.etag());
        ApiResponse stale = tenant.put("/products/BREAD-1",
                "{\"name\": \"Rye bread\", \"unit\": \"pcs\", \"unitPrice\": 40, \"vatRate\": 15}", created.etag());

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.location()).isEqualTo(tenant.path("/products/BREAD-1"));
        assertThat(created.json().path("vatRate").asText()).isEqualTo("15");
        assertThat(created.json().path("unitPrice").asText()).isEqualTo("45.00");
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertProblem(stale, 412, "STALE_VERSION");
        ApiResponse read = tenant.get("/products/BREAD-1");
        assertThat(read.json().path("name").asText()).isEqualTo("Sourdough bread");
        assertThat(read.json().path("unitPrice").asText()).isEqualTo("52.5");
        JsonNode list = tenant.get("/products").json();
        assertThat(list.path("items").findValuesAsText("productCode")).containsExactly("BREAD-1", TenantFixture.PRODUCT);
    }
}
