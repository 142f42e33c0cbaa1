package io.invoiceflow.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.web.http.Json;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Request bodies as a client writes them. Tenant and customer bodies are the shared test data of the
 * write side ({@link TestTenants}) serialised with the API's own JSON configuration.
 */
final class Bodies {
    static final ObjectMapper API_JSON = Json.newMapper();

    /** Custom line 3 x 199.90 at 15 % plus catalogue line 2 x CONSULT (1000.00, 25 %) with 10 % off. */
    static final String INVOICE_DRAFT = """
            {"customerNumber": "10001",
             "paymentTerms": {"kind": "NET_14"},
             "poNumber": "PO-77",
             "comments": "Thank you for your business",
             "lines": [
               {"description": "Consulting", "quantity": "3", "unit": "hours", "unitPrice": "199.90", "vatRate": "15"},
               {"productCode": "CONSULT", "quantity": 2, "discount": {"type": "PERCENT", "value": 10}}
             ]}""";

    static final String ORDER_DRAFT = """
            {"customerNumber": "10001",
             "poNumber": "PO-1",
             "lines": [
               {"description": "Bread", "quantity": "10", "unit": "pcs", "unitPrice": "45.00", "vatRate": "15"},
               {"productCode": "CONSULT", "quantity": "1.5"}
             ]}""";

    static final String PRODUCT = """
            {"productCode": "CONSULT", "name": "Consulting hour", "unit": "hours", "unitPrice": "1000.00", "vatRate": 25}""";

    private Bodies() {
    }

    static String tenantProfile() {
        return write(TestTenants.norwegianProfile());
    }

    /** The customer of {@link TestTenants} under {@code customerNumber}. */
    static String customer(String customerNumber) {
        ObjectNode node = API_JSON.valueToTree(TestTenants.registerCustomer(TenantId.random()).details());
        ObjectNode body = API_JSON.createObjectNode().put("customerNumber", customerNumber);
        body.setAll(node);
        return body.toString();
    }

    static String customerDetails() {
        return write(TestTenants.registerCustomer(TenantId.random()).details());
    }

    static String user(String name, String role) {
        return API_JSON.createObjectNode().put("name", name)
                .put("email", name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID() + "@example.com")
                .set("roles", API_JSON.createArrayNode().add(role)).toString();
    }

    /** {@code json} with {@code change} applied to its object tree. */
    static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) API_JSON.readTree(json);
            change.accept(node);
            return node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return API_JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String write(Object value) {
        try {
            return API_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
