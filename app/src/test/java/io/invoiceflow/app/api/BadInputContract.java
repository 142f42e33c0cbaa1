package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static io.invoiceflow.app.api.Problems.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Bad input of every kind on every route that takes input: each answers a 4xx problem+json that names
 * the field and the rule (never a 500), and nothing changes, neither the resource nor the topic.
 */
interface BadInputContract extends ApiTestContext {
    JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TestFactory
    default Stream<DynamicTest> shouldAnswer4xxProblemAndChangeNothing_whenInputIsBad() {
        TenantFixture t = newTenant();
        TenantFixture admin = newTenant();
        String draft = t.draftInvoice();
        String finalized = t.finalizedInvoice();
        String voided = t.finalizedInvoice();
        t.expect(200, t.postEmpty("/invoices/" + voided + "/void"));
        String empty = t.draftInvoice(Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.putArray("lines")));
        String order = t.order();
        String invoicedOrder = t.order();
        t.expect(201, t.postEmpty("/orders/" + invoicedOrder + "/invoice"));
        String yesterday = InvoiceLifecycleContract.yesterdayInOslo().toString();
        String future = LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(2).toString();

        List<BadRequestCase> cases = new ArrayList<>();

        // tenants (operator)
        String tenants = "/api/v1/tenants";
        String profile = Bodies.tenantProfile();
        cases.addAll(bodyCases("POST", tenants, ADMIN_TOKEN, profile, null, "currency", NODES.numberNode(578), "name", true));
        cases.add(bad("unsupported country", "POST", tenants, ADMIN_TOKEN, null,
                edit(profile, p -> ((ObjectNode) p.path("address")).put("country", "US"))).invalid("address.country", "one-of"));
        cases.add(bad("lower-case currency", "POST", tenants, ADMIN_TOKEN, null,
                edit(profile, p -> p.put("currency", "nok"))).invalid("currency", "iso-4217"));
        cases.add(bad("unknown time zone", "POST", tenants, ADMIN_TOKEN, null,
                edit(profile, p -> p.put("timeZone", "Mars/Olympus"))).invalid("timeZone", "iana-zone"));
        cases.add(bad("credit notes share the invoice prefix", "POST", tenants, ADMIN_TOKEN, null,
                edit(profile, p -> ((ObjectNode) p.path("creditNoteNumbers")).put("prefix", "INV-")))
                .invalid("creditNoteNumbers.prefix", "distinct"));

        // users (tenant admin)
        String users = admin.path("/users");
        String user = Bodies.user("Nina New", "ACCOUNTANT");
        cases.addAll(bodyCases("POST", users, admin.adminKey, user, admin.path(""), "roles", NODES.textNode("ADMIN"), "email", true));
        cases.add(bad("unknown role", "POST", users, admin.adminKey, admin.path(""),
                edit(user, u -> u.putArray("roles").add("BOSS"))).invalid("roles[0]", "invalid-value"));
        cases.add(bad("no role", "POST", users, admin.adminKey, admin.path(""),
                edit(user, u -> u.putArray("roles"))).invalid("roles", "min-items"));
        cases.add(bad("email without domain", "POST", users, admin.adminKey, admin.path(""),
                edit(user, u -> u.put("email", "nina@"))).invalid("email", "email"));

        // invoicing switch (tenant admin)
        String deactivate = admin.path("/invoicing/deactivate");
        cases.addAll(bodyCases("POST", deactivate, admin.adminKey, "{\"reason\": \"x\"}", admin.path(""), "reason",
                NODES.arrayNode(), null, false));
        cases.add(bad("reason too long", "POST", deactivate, admin.adminKey, admin.path(""),
                "{\"reason\": \"" + "x".repeat(1001) + "\"}").invalid("reason", "max-length"));

        // customers
        String customers = t.path("/customers");
        String customer = Bodies.customer("20002");
        String probeNew = t.path("/customers/20002");
        cases.addAll(bodyCases("POST", customers, t.accountantKey, customer, probeNew, "name", NODES.numberNode(42), "customerNumber", true));
        cases.add(bad("customer number with a space", "POST", customers, t.accountantKey, t.path("/customers"),
                edit(customer, c -> c.put("customerNumber", "200 02"))).invalid("customerNumber", "format"));
        cases.add(bad("invalid email", "POST", customers, t.accountantKey, probeNew,
                edit(customer, c -> c.put("email", "post at bryggen"))).invalid("email", "email"));
        cases.add(bad("contact without email", "POST", customers, t.accountantKey, probeNew,
                edit(customer, c -> c.putArray("contacts").addObject().put("name", "Per"))).invalid("contacts[0].email", "required"));
        cases.add(bad("bad Norwegian organisation number", "POST", customers, t.accountantKey, probeNew,
                edit(customer, c -> c.put("organisationNumber", "123456789"))).invalid("organisationNumber", "organisation-number"));
        cases.add(bad("customer number taken", "POST", customers, t.accountantKey, t.path("/customers/10001"),
                Bodies.customer("10001")).expect(409, "ALREADY_EXISTS"));

        String customer10001 = t.path("/customers/10001");
        String details = Bodies.customerDetails();
        cases.addAll(ifMatch(bodyCases("PUT", customer10001, t.accountantKey, details, customer10001, "contacts",
                NODES.objectNode(), "name", true), "\"0\""));
        cases.add(bad("unknown invoice language", "PUT", customer10001, t.accountantKey, customer10001,
                edit(details, c -> c.put("invoiceLanguage", "xx"))).ifMatch("\"0\"").invalid("invoiceLanguage", "iso-639-1"));
        cases.addAll(ifMatchCases("PUT", customer10001, t.accountantKey, details, customer10001));

        // products
        String products = t.path("/products");
        String product = Bodies.PRODUCT.replace("CONSULT", "P-2");
        String probeProduct = t.path("/products/P-2");
        cases.addAll(bodyCases("POST", products, t.accountantKey, product, probeProduct, "unitPrice", NODES.booleanNode(true), "productCode", true));
        cases.add(bad("negative unit price", "POST", products, t.accountantKey, probeProduct,
                edit(product, p -> p.put("unitPrice", "-1.00"))).invalid("unitPrice", "min"));
        cases.add(bad("unknown VAT rate", "POST", products, t.accountantKey, probeProduct,
                edit(product, p -> p.put("vatRate", 7))).invalid("vatRate", "one-of"));
        cases.add(bad("too many decimals", "POST", products, t.accountantKey, probeProduct,
                edit(product, p -> p.put("unitPrice", "1.00001"))).invalid("unitPrice", "max-decimals"));
        cases.add(bad("empty product code", "POST", products, t.accountantKey, probeProduct,
                edit(product, p -> p.put("productCode", ""))).invalid("productCode", "format"));

        String consult = t.path("/products/CONSULT");
        String productDetails = "{\"name\": \"Consulting hour\", \"unit\": \"hours\", \"unitPrice\": \"1100.00\", \"vatRate\": 25}";
        cases.addAll(ifMatch(bodyCases("PUT", consult, t.accountantKey, productDetails, consult, "vatRate",
                NODES.arrayNode().add(25), "name", true), "\"0\""));
        cases.add(bad("negative unit price", "PUT", consult, t.accountantKey, consult,
                edit(productDetails, p -> p.put("unitPrice", -5))).ifMatch("\"0\"").invalid("unitPrice", "min"));
        cases.add(bad("unknown VAT rate", "PUT", consult, t.accountantKey, consult,
                edit(productDetails, p -> p.put("vatRate", "24"))).ifMatch("\"0\"").invalid("vatRate", "one-of"));
        cases.addAll(ifMatchCases("PUT", consult, t.accountantKey, productDetails, consult));

        // orders
        String orders = t.path("/orders");
        cases.addAll(bodyCases("POST", orders, t.accountantKey, Bodies.ORDER_DRAFT, null, "lines", NODES.textNode("many"), "customerNumber", true));
        cases.addAll(lineCases("POST", orders, t.accountantKey, Bodies.ORDER_DRAFT, null));
        String orderPath = t.path("/orders/" + order);
        cases.addAll(ifMatch(bodyCases("PUT", orderPath, t.accountantKey, Bodies.ORDER_DRAFT, orderPath, "lines[0].unitPrice",
                NODES.booleanNode(false), "customerNumber", true), "\"0\""));
        cases.addAll(ifMatch(lineCases("PUT", orderPath, t.accountantKey, Bodies.ORDER_DRAFT, orderPath), "\"0\""));
        cases.addAll(ifMatchCases("PUT", orderPath, t.accountantKey, Bodies.ORDER_DRAFT, orderPath));
        cases.add(bad("order already invoiced", "PUT", t.path("/orders/" + invoicedOrder), t.accountantKey,
                t.path("/orders/" + invoicedOrder), Bodies.ORDER_DRAFT).expect(409, "ILLEGAL_STATE"));

        String invoiceOrder = t.path("/orders/" + order + "/invoice");
        cases.addAll(bodyCases("POST", invoiceOrder, t.accountantKey, "{\"paymentTerms\": {\"kind\": \"NET_30\"}}", orderPath,
                "paymentTerms", NODES.textNode("NET_30"), null, false));
        cases.add(bad("unknown payment terms", "POST", invoiceOrder, t.accountantKey, orderPath,
                "{\"paymentTerms\": {\"kind\": \"NET_7\"}}").invalid("paymentTerms.kind", "invalid-value"));
        cases.add(bad("custom terms beyond a year", "POST", invoiceOrder, t.accountantKey, orderPath,
                "{\"paymentTerms\": {\"kind\": \"CUSTOM\", \"days\": 400}}").invalid("paymentTerms.days", "range"));
        cases.add(bad("order already invoiced", "POST", t.path("/orders/" + invoicedOrder + "/invoice"), t.accountantKey,
                t.path("/orders/" + invoicedOrder), null).expect(409, "ILLEGAL_STATE"));

        // invoices
        String invoices = t.path("/invoices");
        cases.addAll(bodyCases("POST", invoices, t.accountantKey, Bodies.INVOICE_DRAFT, null, "lines[0].quantity",
                NODES.booleanNode(true), "customerNumber", true));
        cases.addAll(lineCases("POST", invoices, t.accountantKey, Bodies.INVOICE_DRAFT, null));
        cases.addAll(invoiceDraftCases("POST", invoices, t.accountantKey, null));
        String draftPath = t.path("/invoices/" + draft);
        cases.addAll(ifMatch(bodyCases("PUT", draftPath, t.accountantKey, Bodies.INVOICE_DRAFT, draftPath, "paymentTerms",
                NODES.arrayNode(), "customerNumber", true), "\"0\""));
        cases.addAll(ifMatch(lineCases("PUT", draftPath, t.accountantKey, Bodies.INVOICE_DRAFT, draftPath), "\"0\""));
        cases.addAll(ifMatch(invoiceDraftCases("PUT", draftPath, t.accountantKey, draftPath), "\"0\""));
        cases.addAll(ifMatchCases("PUT", draftPath, t.accountantKey, Bodies.INVOICE_DRAFT, draftPath));
        String finalPath = t.path("/invoices/" + finalized);
        cases.add(bad("invoice is final", "PUT", finalPath, t.accountantKey, finalPath, Bodies.INVOICE_DRAFT)
                .expect(409, "ILLEGAL_STATE"));

        cases.addAll(ifMatchCases("DELETE", draftPath, t.accountantKey, null, draftPath));
        cases.add(bad("invoice is final", "DELETE", finalPath, t.accountantKey, finalPath, null).expect(409, "ILLEGAL_STATE"));

        String finalize = draftPath + "/finalize";
        cases.add(bad("a body", "POST", finalize, t.accountantKey, draftPath, "{\"number\": \"INV-1\"}").invalid("$", "empty"));
        cases.add(bad("malformed body", "POST", finalize, t.accountantKey, draftPath, "{").invalid("$", "empty"));
        cases.addAll(ifMatchCases("POST", finalize, t.accountantKey, null, draftPath));
        cases.add(bad("invoice is final", "POST", finalPath + "/finalize", t.accountantKey, finalPath, null)
                .expect(409, "ILLEGAL_STATE"));
        cases.add(bad("invoice has no lines", "POST", t.path("/invoices/" + empty + "/finalize"), t.accountantKey,
                t.path("/invoices/" + empty), null).expect(422, "INCOMPLETE_INVOICE", "lines", "min-items"));

        String pay = finalPath + "/pay";
        String payment = "{\"paymentDate\": \"" + yesterday + "\"}";
        cases.addAll(bodyCases("POST", pay, t.accountantKey, payment, finalPath, "paymentDate", NODES.numberNode(20250101), null, false));
        cases.add(bad("payment date in the future", "POST", pay, t.accountantKey, finalPath,
                "{\"paymentDate\": \"" + future + "\"}").invalid("paymentDate", "not-future"));
        cases.add(bad("no such date", "POST", pay, t.accountantKey, finalPath,
                "{\"paymentDate\": \"2025-02-30\"}").invalid("paymentDate", "invalid-value"));
        cases.add(bad("draft cannot be paid", "POST", draftPath + "/pay", t.accountantKey, draftPath, payment)
                .expect(409, "ILLEGAL_STATE"));
        cases.add(bad("void invoice cannot be paid", "POST", t.path("/invoices/" + voided + "/pay"), t.accountantKey,
                t.path("/invoices/" + voided), payment).expect(409, "ILLEGAL_STATE"));

        String voidPath = finalPath + "/void";
        cases.addAll(bodyCases("POST", voidPath, t.accountantKey, "{\"reason\": \"x\"}", finalPath, "reason", NODES.numberNode(5), null, false));
        cases.add(bad("reason too long", "POST", voidPath, t.accountantKey, finalPath,
                "{\"reason\": \"" + "x".repeat(1001) + "\"}").invalid("reason", "max-length"));
        cases.add(bad("draft cannot be voided", "POST", draftPath + "/void", t.accountantKey, draftPath, null)
                .expect(409, "ILLEGAL_STATE"));

        String credit = finalPath + "/credit";
        cases.addAll(bodyCases("POST", credit, t.accountantKey, "{\"lineNos\": [1]}", finalPath, "lineNos", NODES.textNode("1"), null, false));
        cases.add(bad("no such line", "POST", credit, t.accountantKey, finalPath, "{\"lineNos\": [3]}").invalid("lineNos[0]", "exists"));
        cases.add(bad("line zero", "POST", credit, t.accountantKey, finalPath, "{\"lineNos\": [0]}").invalid("lineNos[0]", "exists"));
        cases.add(bad("line twice", "POST", credit, t.accountantKey, finalPath, "{\"lineNos\": [1, 1]}").invalid("lineNos[1]", "unique"));
        cases.add(bad("fractional line", "POST", credit, t.accountantKey, finalPath, "{\"lineNos\": [1.5]}").invalid("lineNos[0]", "wrong-type"));
        cases.add(bad("draft cannot be credited", "POST", draftPath + "/credit", t.accountantKey, draftPath, null)
                .expect(409, "ILLEGAL_STATE"));

        cases.add(bad("a body", "POST", finalPath + "/clone", t.accountantKey, finalPath, "{\"invoiceId\": \"x\"}").invalid("$", "empty"));

        // frequencies
        cases.addAll(frequencyCases(t));

        // the distribution list
        cases.addAll(distributionCases(t));
        // distribution settings
        cases.addAll(settingsCases(t));
        // recurring invoices and subscriptions
        cases.addAll(recurringCases(t, draft, empty));

        // reads with bad parameters
        cases.add(bad("limit out of range", "GET", t.path("/customers?limit=0"), t.accountantKey, null, null).invalid("limit", "range"));
        cases.add(bad("limit out of range", "GET", t.path("/distribution-list?limit=0"), t.accountantKey, null, null)
                .invalid("limit", "range"));
        cases.add(bad("unknown sort column", "GET", t.path("/frequencies?sort=colour"), t.accountantKey, null, null)
                .invalid("sort", "one-of"));
        cases.add(bad("unknown status", "GET", t.path("/frequencies?status=paused"), t.accountantKey, null, null)
                .invalid("status", "one-of"));
        cases.add(bad("unknown direction", "GET", t.path("/frequencies?direction=up"), t.accountantKey, null, null)
                .invalid("direction", "one-of"));
        cases.add(bad("unknown format", "GET", t.path("/frequencies?format=pdf"), t.accountantKey, null, null)
                .invalid("format", "one-of"));

        List<String> refused = new CopyOnWriteArrayList<>();
        Stream<DynamicTest> each = cases.stream().map(c -> dynamicTest(c.toString(), () -> check(c, refused, t)));
        Stream<DynamicTest> topic = Stream.of(dynamicTest("no refused request published an event",
                () -> {
                    assertThat(refused).hasSize(cases.size());
                    assertNoEventFrom(t, refused);
                }));
        return Stream.concat(each, topic);
    }

    @Test
    default void shouldAnswer400AndKeepInvoicingOff_whenActivateGetsABody() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey).send());

        // when
        ApiResponse malformed = api().post(tenant.path("/invoicing/activate")).token(tenant.adminKey).json("{\"activate\": ").send();

        // then
        JsonNode problem = assertProblem(malformed, 400, "INVALID_INPUT");
        assertThat(violations(problem)).anySatisfy(v -> assertThat(v).startsWith("$ "));
        assertThat(api().get(tenant.path("")).token(tenant.adminKey).send().json().path("invoicingActive").asBoolean())
                .as("invoicing must stay deactivated after a refused request").isFalse();
    }

    @Test
    default void shouldAnswer400NamingInvoiceDate_whenInvoiceDateIsAtTheEndOfTime() {
        // given
        TenantFixture tenant = newTenant();
        String draft = Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.put("invoiceDate", "+999999999-12-31"));

        // when
        ApiResponse response = tenant.post("/invoices", draft);

        // then
        JsonNode problem = assertProblem(response, 400, "INVALID_INPUT");
        assertThat(violations(problem)).anySatisfy(v -> assertThat(v).startsWith("invoiceDate "));
    }

    /**
     * RFC 9110, 13.1.1: a server that receives If-Match must evaluate it before performing the method.
     * The actions on a final invoice and invoicing an order must therefore refuse a stale or malformed one.
     */
    @Test
    default void shouldRefuseActionAndKeepDocument_whenIfMatchIsStaleOrMalformed() {
        // given: each action on its own document, at version 1 (so "0" is stale)
        TenantFixture tenant = newTenant();
        String payment = "{\"paymentDate\": \"" + InvoiceLifecycleContract.yesterdayInOslo() + "\"}";
        List<String[]> actions = new ArrayList<>();
        for (String[] action : new String[][] {{"pay", payment}, {"void", "{}"}, {"credit", "{}"}}) {
            for (String etag : new String[] {"\"0\"", "banana"}) {
                actions.add(new String[] {"/invoices/" + tenant.finalizedInvoice(), "/" + action[0], action[1], etag});
            }
        }
        for (String etag : new String[] {"\"0\"", "banana"}) {
            String order = tenant.order();
            tenant.expect(200, tenant.put("/orders/" + order, Bodies.ORDER_DRAFT, "\"0\""));
            actions.add(new String[] {"/orders/" + order, "/invoice", "{}", etag});
        }

        List<String> expected = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (String[] action : actions) {
            String document = action[0];
            ApiResponse before = tenant.get(document);

            // when
            ApiResponse response = api().post(tenant.path(document + action[1])).token(tenant.accountantKey)
                    .ifMatch(action[3]).json(action[2]).send();

            // then (collected, so that one run reports every action)
            String label = "POST " + action[1] + " If-Match " + action[3] + " -> ";
            expected.add(label + (action[3].equals("banana") ? "400 INVALID_INPUT" : "412 STALE_VERSION") + ", document unchanged");
            outcomes.add(label + response.status() + " " + response.json().path("code").asText()
                    + (tenant.get(document).state().equals(before.state()) ? ", document unchanged" : ", document CHANGED"));
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);
    }

    @Test
    default void shouldAnswerProblem_whenMethodOrRouteDoesNotExist() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();

        // when
        ApiResponse patch = api().call("PATCH", tenant.path("/invoices/" + invoiceId)).token(tenant.accountantKey)
                .json("{\"comments\": \"x\"}").send();
        ApiResponse unknown = api().get(tenant.path("/quotes")).token(tenant.accountantKey).send();

        // then
        assertProblem(patch, 405, "METHOD_NOT_ALLOWED");
        assertThat(patch.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "PUT", "DELETE"));
        assertProblem(unknown, 404, "NOT_FOUND");
        assertThat(tenant.get("/invoices/" + invoiceId).etag()).isEqualTo("\"0\"");
    }

    // ---- the cases

    private void check(BadRequestCase c, List<String> refused, TenantFixture t) {
        // given
        ApiResponse before = c.probe == null ? null : probe(c, t);

        // when
        ApiResponse response = c.send(api());
        refused.add(response.requestId());

        // then
        JsonNode problem = assertProblem(response, c.status, c.code);
        if (c.field != null && c.rule != null) {
            assertThat(violations(problem)).as("errors of %s", response).contains(c.field + " " + c.rule);
        } else if (c.field != null) {
            assertThat(violations(problem)).as("errors of %s", response).anySatisfy(v -> assertThat(v).startsWith(c.field + " "));
        }
        if (before != null) {
            ApiResponse after = probe(c, t);
            assertThat(after.state()).as("%s after %s", c.probe, response).isEqualTo(before.state());
        }
    }

    /** The probed resource as it stands after every write of the fixture (the read side may serve it). */
    private ApiResponse probe(BadRequestCase c, TenantFixture t) {
        return c.probe.startsWith(t.path("")) ? t.read(c.probe, c.token) : api().get(c.probe).token(c.token).send();
    }

    private static BadRequestCase bad(String name, String method, String path, String token, String probe, String json) {
        BadRequestCase c = BadRequestCase.of(name, method, path).token(token).probe(probe);
        return json == null ? c : c.json(json);
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        return Bodies.edit(json, change);
    }

    /** Sets {@code a.b[0].c} style paths. */
    private static String set(String json, String field, JsonNode value) {
        return edit(json, root -> {
            String[] parts = field.split("\\.");
            JsonNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = step(node, parts[i]);
            }
            String last = parts[parts.length - 1];
            ((ObjectNode) node).set(last, value);
        });
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.path(part);
        }
        return node.path(part.substring(0, bracket)).path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }

    /** The kinds of bad body every JSON route must refuse. */
    private static List<BadRequestCase> bodyCases(String method, String path, String token, String valid, String probe,
                                                  String wrongTypeField, JsonNode wrongTypeValue, String requiredField,
                                                  boolean bodyRequired) {
        List<BadRequestCase> cases = new ArrayList<>();
        cases.add(bad("malformed JSON", method, path, token, probe, valid.substring(0, valid.length() / 2))
                .invalid("$", "malformed-json"));
        cases.add(bad("duplicate key", method, path, token, probe, "{\"k\": 1, \"k\": 2}").invalid("$", "malformed-json"));
        cases.add(bad("trailing content", method, path, token, probe, valid + " {}").invalid("$", "malformed-json"));
        cases.add(bad("array instead of object", method, path, token, probe, "[" + valid + "]").invalid("$", "wrong-type"));
        cases.add(bad("unknown field", method, path, token, probe, edit(valid, b -> b.put("bogus", 1)))
                .invalid("bogus", "unknown-field"));
        cases.add(bad("wrong type", method, path, token, probe, set(valid, wrongTypeField, wrongTypeValue))
                .invalid(wrongTypeField, "wrong-type"));
        if (requiredField != null) {
            cases.add(bad("missing " + requiredField, method, path, token, probe, edit(valid, b -> b.remove(requiredField)))
                    .invalid(requiredField, "required"));
            cases.add(bad("null " + requiredField, method, path, token, probe, edit(valid, b -> b.putNull(requiredField)))
                    .invalid(requiredField, "required"));
        }
        if (bodyRequired) {
            cases.add(bad("empty body", method, path, token, probe, "").invalid("$", "required"));
            cases.add(bad("null body", method, path, token, probe, "null").invalid("$", "required"));
        }
        cases.add(bad("text/plain", method, path, token, probe, null).raw("text/plain", valid)
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(bad("no content type", method, path, token, probe, null).raw(null, valid)
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(bad("form content type", method, path, token, probe, null)
                .raw("application/x-www-form-urlencoded", valid).expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        return cases;
    }

    /** The distribution settings: every route that takes input, with the rules of each part. */
    private static List<BadRequestCase> settingsCases(TenantFixture t) {
        List<BadRequestCase> cases = new ArrayList<>();
        String settings = t.path("/settings");
        t.expect(201, t.put("/settings/templates/house", SettingsBodies.STANDARD_TEMPLATE, null));
        t.expect(201, t.put("/settings/layouts/customers/" + TenantFixture.CUSTOMER, "{\"layout\": \"custom:house\"}", null));
        t.expect(200, t.api.put(settings + "/sender-account").token(t.adminKey).json(SettingsBodies.SENDER_ACCOUNT).send());

        // H7 payment settings (admin)
        String payment = settings + "/payment";
        String valid = SettingsBodies.PAYMENT;
        cases.addAll(bodyCases("PUT", payment, t.adminKey, valid, payment, "kid", NODES.textNode("MOD10"), "kid", true));
        cases.add(bad("bank account check digit", "PUT", payment, t.adminKey, payment,
                edit(valid, b -> b.put("bankAccount", "8601.11.17948"))).invalid("bankAccount", "mod11"));
        cases.add(bad("IBAN check digits", "PUT", payment, t.adminKey, payment,
                edit(valid, b -> b.put("iban", "NO9386011117948"))).invalid("iban", "mod97"));
        cases.add(bad("BIC of 9 characters", "PUT", payment, t.adminKey, payment,
                edit(valid, b -> b.put("bic", "DNBANOKK1"))).invalid("bic", "format"));
        cases.add(bad("not an email", "PUT", payment, t.adminKey, payment,
                edit(valid, b -> b.put("email", "regnskap"))).invalid("email", "format"));
        cases.add(bad("KID over 25 digits", "PUT", payment, t.adminKey, payment,
                set(valid, "kid", NODES.objectNode().put("algorithm", "MOD11").put("customerDigits", 15).put("sequenceDigits", 18)))
                .invalid("kid", "max-length"));
        cases.add(bad("unknown KID algorithm", "PUT", payment, t.adminKey, payment,
                set(valid, "kid.algorithm", NODES.textNode("MOD97"))).invalid("kid.algorithm", "invalid-value"));
        cases.add(bad("accountant", "PUT", payment, t.accountantKey, payment, valid).expect(403, "FORBIDDEN"));
        cases.addAll(ifMatchCases("PUT", payment, t.adminKey, valid, payment));

        // S2 layouts
        String layouts = settings + "/layouts";
        cases.addAll(bodyCases("PUT", layouts, t.accountantKey, SettingsBodies.LAYOUTS, layouts, "order",
                NODES.numberNode(1), "invoice", true));
        cases.add(bad("unknown layout", "PUT", layouts, t.accountantKey, layouts,
                edit(SettingsBodies.LAYOUTS, b -> b.put("invoice", "fancy"))).invalid("invoice", "layout"));
        cases.add(bad("template that does not exist", "PUT", layouts, t.accountantKey, layouts,
                edit(SettingsBodies.LAYOUTS, b -> b.put("creditNote", "custom:nothing")))
                .expect(422, "UNKNOWN_REFERENCE", "creditNote", "exists"));
        cases.add(bad("auditor", "PUT", layouts, t.auditorKey(), layouts, SettingsBodies.LAYOUTS).expect(403, "FORBIDDEN"));
        cases.addAll(ifMatchCases("PUT", layouts, t.accountantKey, SettingsBodies.LAYOUTS, layouts));
        String rule = layouts + "/customers/" + TenantFixture.CUSTOMER;
        cases.addAll(bodyCases("PUT", rule, t.accountantKey, "{\"layout\": \"modern\"}", layouts, "layout",
                NODES.numberNode(1), "layout", true));
        cases.add(bad("unknown layout", "PUT", rule, t.accountantKey, layouts, "{\"layout\": \"custom:\"}")
                .invalid("layout", "layout"));
        cases.add(bad("unknown customer", "PUT", layouts + "/customers/99999", t.accountantKey, layouts,
                "{\"layout\": \"modern\"}").expect(404, "NOT_FOUND"));
        cases.add(bad("customer without a rule", "DELETE", layouts + "/customers/20002", t.accountantKey, layouts, null)
                .expect(404, "NOT_FOUND"));

        // S3 templates
        String templates = settings + "/templates";
        String house = templates + "/house";
        String standard = SettingsBodies.STANDARD_TEMPLATE;
        cases.addAll(bodyCases("PUT", templates + "/other", t.accountantKey, standard, templates, "primaryColor",
                NODES.numberNode(1), null, true));
        cases.add(bad("both a layout and a stylesheet", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.put("xslt", SettingsBodies.XSLT))).invalid("baseLayout", "exclusive"));
        cases.add(bad("neither a layout nor a stylesheet", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.remove("baseLayout"))).invalid("baseLayout", "required"));
        cases.add(bad("unknown base layout", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.put("baseLayout", "fancy"))).invalid("baseLayout", "one-of"));
        cases.add(bad("colour name", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.put("accentColor", "blue"))).invalid("accentColor", "hex-color"));
        cases.add(bad("footer over 500", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.put("footerText", "x".repeat(501)))).invalid("footerText", "max-length"));
        cases.add(bad("logo not base64", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.put("logo", "not base64!"))).invalid("logo", "base64"));
        cases.add(bad("logo not an image", "PUT", house, t.accountantKey, house,
                edit(standard, b -> b.put("logo", java.util.Base64.getEncoder().encodeToString("GIF89a...".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII))))).invalid("logo", "format"));
        cases.add(bad("stylesheet not well-formed", "PUT", house, t.accountantKey, house,
                "{\"xslt\": \"<xsl:stylesheet version=\\\"1.0\\\">\"}").invalid("xslt", "renders"));
        cases.add(bad("stylesheet reading a file", "PUT", house, t.accountantKey, house,
                NODES.objectNode().put("xslt", SettingsBodies.XSLT.replace("<xsl:value-of select=\"title\"/>",
                        "<xsl:value-of select=\"document('file:///etc/passwd')\"/>")).toString()).invalid("xslt", "renders"));
        cases.add(bad("stylesheet too long", "PUT", house, t.accountantKey, house,
                NODES.objectNode().put("xslt", SettingsBodies.XSLT + " ".repeat(262_144)).toString()).invalid("xslt", "max-length"));
        cases.add(bad("name with a space", "PUT", templates + "/my%20logo", t.accountantKey, templates, standard)
                .invalid("templateName", "format"));
        cases.add(bad("auditor", "PUT", house, t.auditorKey(), house, standard).expect(403, "FORBIDDEN"));
        cases.addAll(ifMatchCases("PUT", house, t.accountantKey, standard, house));
        cases.add(bad("template in use", "DELETE", house, t.accountantKey, house, null).expect(409, "ILLEGAL_STATE"));
        cases.add(bad("no such template", "DELETE", templates + "/nothing", t.accountantKey, templates, null)
                .expect(404, "NOT_FOUND"));
        cases.add(bad("unsaved template that does not render", "POST", templates + "/draft/preview", t.accountantKey,
                templates, "{\"xslt\": \"<not-xslt/>\"}").invalid("xslt", "renders"));
        cases.add(bad("preview language", "POST", house + "/preview?language=de", t.accountantKey, templates, null)
                .invalid("language", "one-of"));
        cases.add(bad("preview of nothing", "POST", templates + "/nothing/preview", t.accountantKey, templates, null)
                .expect(404, "NOT_FOUND"));

        // S4/S5 email texts (admin: custom-invoice-email)
        String texts = settings + "/email-templates";
        String sv = texts + "/invoice/sv";
        String text = SettingsBodies.EMAIL_TEMPLATE;
        cases.addAll(bodyCases("PUT", sv, t.adminKey, text, texts, "subject", NODES.numberNode(1), "subject", true));
        cases.add(bad("unknown merge field", "PUT", sv, t.adminKey, texts,
                edit(text, b -> b.put("body", "Betala {Totalt} senast {DueDate}"))).invalid("body", "merge-field"));
        cases.add(bad("unclosed brace", "PUT", sv, t.adminKey, texts,
                edit(text, b -> b.put("subject", "Faktura {Number"))).invalid("subject", "merge-field-syntax"));
        cases.add(bad("subject on two lines", "PUT", sv, t.adminKey, texts,
                edit(text, b -> b.put("subject", "Faktura\r\nBcc: x@example.com"))).invalid("subject", "single-line"));
        cases.add(bad("no name", "PUT", sv, t.adminKey, texts, edit(text, b -> b.put("name", " "))).invalid("name", "required"));
        cases.add(bad("language no ISO code", "PUT", texts + "/invoice/svenska", t.adminKey, texts, text)
                .invalid("language", "iso-639-1"));
        cases.add(bad("unknown document type", "PUT", texts + "/receipt/sv", t.adminKey, texts, text)
                .invalid("documentType", "one-of"));
        cases.add(bad("accountant", "PUT", sv, t.accountantKey, texts, text).expect(403, "FORBIDDEN"));
        cases.addAll(ifMatchCases("PUT", sv, t.adminKey, text, texts));
        cases.add(bad("no such text", "DELETE", sv, t.adminKey, texts, null).expect(404, "NOT_FOUND"));

        // S6 sender account (admin: custom-invoice-email)
        String account = settings + "/sender-account";
        String acc = SettingsBodies.SENDER_ACCOUNT;
        cases.addAll(bodyCases("PUT", account, t.adminKey, acc, account, "port", NODES.textNode("587"), "port", true));
        cases.add(bad("loopback host", "PUT", account, t.adminKey, account, edit(acc, b -> b.put("host", "127.0.0.1")))
                .invalid("host", "public-address"));
        cases.add(bad("private host", "PUT", account, t.adminKey, account, edit(acc, b -> b.put("host", "10.1.2.3")))
                .invalid("host", "public-address"));
        cases.add(bad("host with a space", "PUT", account, t.adminKey, account, edit(acc, b -> b.put("host", "smtp example")))
                .invalid("host", "format"));
        cases.add(bad("port out of range", "PUT", account, t.adminKey, account, edit(acc, b -> b.put("port", 70_000)))
                .invalid("port", "range"));
        cases.add(bad("from address", "PUT", account, t.adminKey, account, edit(acc, b -> b.put("fromAddress", "faktura")))
                .invalid("fromAddress", "email"));
        cases.add(bad("header injection", "PUT", account, t.adminKey, account,
                edit(acc, b -> b.put("accountName", "Faktura\r\nBcc: x@example.com"))).invalid("accountName", null));
        cases.add(bad("password without a user", "PUT", account, t.adminKey, account, edit(acc, b -> b.remove("user")))
                .invalid("password", "requires-user"));
        cases.add(bad("unknown encryption", "PUT", account, t.adminKey, account, edit(acc, b -> b.put("encryption", "TLS")))
                .invalid("encryption", "invalid-value"));
        cases.add(bad("no encryption", "PUT", account, t.adminKey, account, edit(acc, b -> b.remove("encryption")))
                .invalid("encryption", "required"));
        cases.add(bad("accountant", "PUT", account, t.accountantKey, account, acc).expect(403, "FORBIDDEN"));
        cases.addAll(ifMatchCases("PUT", account, t.adminKey, acc, account));
        String test = account + "/test";
        cases.addAll(bodyCases("POST", test, t.adminKey, "{\"to\": \"kari@fjordkraft.example\"}", account, "to",
                NODES.numberNode(1), "to", true));
        cases.add(bad("not an address", "POST", test, t.adminKey, account, "{\"to\": \"kari\"}").invalid("to", "email"));
        cases.add(bad("accountant", "POST", test, t.accountantKey, account, "{\"to\": \"kari@fjordkraft.example\"}")
                .expect(403, "FORBIDDEN"));
        return cases;
    }

    /** Bad lines of an order or invoice draft. */
    private static List<BadRequestCase> lineCases(String method, String path, String token, String valid, String probe) {
        List<BadRequestCase> cases = new ArrayList<>();
        cases.add(bad("negative quantity", method, path, token, probe, set(valid, "lines[0].quantity", NODES.textNode("-1")))
                .invalid("lines[0].quantity", "positive"));
        cases.add(bad("zero quantity", method, path, token, probe, set(valid, "lines[1].quantity", NODES.numberNode(0)))
                .invalid("lines[1].quantity", "positive"));
        cases.add(bad("unknown VAT rate", method, path, token, probe, set(valid, "lines[0].vatRate", NODES.numberNode(7)))
                .invalid("lines[0].vatRate", "one-of"));
        cases.add(bad("custom line without description", method, path, token, probe,
                edit(valid, d -> ((ObjectNode) d.path("lines").path(0)).remove("description")))
                .invalid("lines[0].description", "required"));
        cases.add(bad("null line", method, path, token, probe, edit(valid, d -> ((ArrayNode) d.path("lines")).insertNull(0)))
                .invalid("lines[0]", "required"));
        cases.add(bad("discount over 100 %", method, path, token, probe,
                set(valid, "lines[0].discount", NODES.objectNode().put("type", "PERCENT").put("value", 120)))
                .invalid("lines[0].discount.value", "max"));
        cases.add(bad("unknown language", method, path, token, probe, edit(valid, d -> d.put("language", "xx")))
                .invalid("language", "iso-639-1"));
        cases.add(bad("unknown customer", method, path, token, probe, edit(valid, d -> d.put("customerNumber", "99999")))
                .expect(422, "UNKNOWN_REFERENCE", "customerNumber", "exists"));
        cases.add(bad("unknown product", method, path, token, probe, set(valid, "lines[1].productCode", NODES.textNode("NOPE")))
                .expect(422, "UNKNOWN_REFERENCE", "lines[1].productCode", "exists"));
        cases.add(bad("too many lines", method, path, token, probe, edit(valid, d -> {
            ArrayNode lines = d.putArray("lines");
            for (int i = 0; i < 501; i++) {
                lines.addObject().put("description", "x").put("quantity", 1).put("unitPrice", 1).put("vatRate", 25);
            }
        })).invalid("lines", "max-items"));
        return cases;
    }

    /** Bad schedules, names and previews on every frequency route that takes input. */
    private static List<BadRequestCase> frequencyCases(TenantFixture t) {
        String valid = FrequencyContract.EVERY_OTHER_FRIDAY;
        String monthly = "{\"pattern\": {\"frequency\": \"MONTHLY\", \"interval\": 1, \"dayRule\": \"DAY_OF_MONTH\", \"dayOfMonth\": 15}, \"anchor\": \"2026-01-31\"}";
        String all = t.path("/frequencies?status=all");
        String frequencies = t.path("/frequencies");
        String id = FrequencyContract.create(t, valid);
        String one = t.path("/frequencies/" + id);
        List<BadRequestCase> cases = new ArrayList<>();
        cases.addAll(bodyCases("POST", frequencies, t.accountantKey, valid, all, "anchor", NODES.numberNode(20260102), "pattern", true));
        cases.addAll(scheduleCases("POST", frequencies, t.accountantKey, valid, monthly, all));
        cases.add(bad("blank name", "POST", frequencies, t.accountantKey, all, edit(valid, b -> b.put("name", " ")))
                .invalid("name", "required"));
        cases.add(bad("name over 100", "POST", frequencies, t.accountantKey, all, edit(valid, b -> b.put("name", "x".repeat(101))))
                .invalid("name", "max-length"));

        cases.addAll(ifMatch(bodyCases("PUT", one, t.accountantKey, valid, one, "pattern", NODES.textNode("weekly"), "pattern", true), "\"0\""));
        cases.addAll(ifMatch(scheduleCases("PUT", one, t.accountantKey, valid, monthly, one), "\"0\""));
        cases.addAll(ifMatchCases("PUT", one, t.accountantKey, valid, one));

        String rename = one + "/rename";
        cases.addAll(ifMatch(bodyCases("POST", rename, t.accountantKey, "{\"name\": \"Payday\"}", one, "name", NODES.numberNode(5), null, true), "\"0\""));
        cases.add(bad("blank name", "POST", rename, t.accountantKey, one, "{\"name\": \"\"}").invalid("name", "required"));
        cases.addAll(ifMatchCases("POST", rename, t.accountantKey, "{\"name\": \"Payday\"}", one));
        for (String action : List.of("/deactivate", "/reactivate")) {
            cases.add(bad("a body", "POST", one + action, t.accountantKey, one, "{\"active\": false}").invalid("$", "empty"));
            cases.addAll(ifMatchCases("POST", one + action, t.accountantKey, null, one));
        }

        String preview = t.path("/frequencies/preview");
        cases.addAll(bodyCases("POST", preview, t.accountantKey, valid, all, "count", NODES.textNode("ten"), "pattern", true));
        cases.addAll(scheduleCases("POST", preview, t.accountantKey, valid, monthly, all));
        cases.add(bad("count 0", "POST", preview, t.accountantKey, all, edit(valid, b -> b.put("count", 0))).invalid("count", "range"));
        cases.add(bad("count 101", "POST", preview, t.accountantKey, all, edit(valid, b -> b.put("count", 101))).invalid("count", "range"));
        cases.add(bad("language not offered", "POST", preview, t.accountantKey, all, edit(valid, b -> b.put("language", "de")))
                .invalid("language", "one-of"));
        return cases;
    }

    /** Bad entries, parameters and files on every distribution list route that takes input. */
    private static List<BadRequestCase> distributionCases(TenantFixture t) {
        String entry = t.path("/distribution-list/10001");
        String list = t.path("/distribution-list");
        t.expect(201, t.put("/distribution-list/10001", "{\"email\": \"post@bryggen.example\"}", null));
        String valid = "{\"email\": \"faktura@bryggen.example\"}";
        List<BadRequestCase> cases = new ArrayList<>();
        cases.addAll(ifMatch(bodyCases("PUT", entry, t.accountantKey, valid, entry, "email", NODES.numberNode(5), "email",
                true), "\"0\""));
        for (String address : List.of("post(at)bryggen.example", "post@bryggen", "post @bryggen.example", "",
                "a".repeat(250) + "@b.no")) {
            cases.add(bad("email " + address.substring(0, Math.min(address.length(), 24)), "PUT", entry, t.accountantKey,
                    entry, "{\"email\": \"" + address + "\"}").invalid("email", "email"));
        }
        cases.add(bad("email null", "PUT", entry, t.accountantKey, entry, "{\"email\": null}").invalid("email", "required"));
        cases.add(bad("customer number with a space", "PUT", t.path("/distribution-list/K%202"), t.accountantKey, list,
                valid).invalid("customerNumber", "format"));
        cases.add(bad("customer number over 32", "PUT", t.path("/distribution-list/" + "K".repeat(33)), t.accountantKey,
                list, valid).invalid("customerNumber", "format"));
        cases.add(bad("If-Match on an entry that does not exist", "PUT", t.path("/distribution-list/20002"),
                t.accountantKey, list, valid).ifMatch("\"0\"").expect(412, "STALE_VERSION"));
        cases.addAll(ifMatchCases("PUT", entry, t.accountantKey, valid, entry));
        cases.addAll(ifMatchCases("DELETE", entry, t.accountantKey, null, entry));
        cases.add(bad("no such entry", "DELETE", t.path("/distribution-list/20002"), t.accountantKey, list, null)
                .expect(404, "NOT_FOUND"));

        cases.add(bad("limit out of range", "GET", list + "?limit=501", t.accountantKey, null, null).invalid("limit", "range"));
        cases.add(bad("after not a customer number", "GET", list + "?after=K%201", t.accountantKey, null, null)
                .invalid("after", "format"));
        cases.add(bad("q over 254", "GET", list + "?q=" + "x".repeat(255), t.accountantKey, null, null)
                .invalid("q", "max-length"));

        String csv = "customer_number,email\n20002,a@b.example\n";
        String importPath = list + "/import";
        cases.add(bad("validateOnly not a boolean", "POST", importPath + "?validateOnly=yes", t.accountantKey, list, null)
                .raw("text/csv", csv).invalid("validateOnly", "one-of"));
        cases.add(bad("unknown mode", "POST", importPath + "?mode=overwrite", t.accountantKey, list, null)
                .raw("text/csv", csv).invalid("mode", "one-of"));
        cases.add(bad("JSON instead of CSV", "POST", importPath, t.accountantKey, list, "{\"rows\": []}")
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(bad("no content type", "POST", importPath, t.accountantKey, list, null).raw(null, csv)
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(bad("Latin-1 charset", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv; charset=iso-8859-1", csv).expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(bad("empty file", "POST", importPath, t.accountantKey, list, null).raw("text/csv", "")
                .invalid("$", "required"));
        cases.add(bad("no header", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv", "20002,a@b.example\n").invalid("$", "header"));
        cases.add(bad("unknown column", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv", "customer_number,email,name\n20002,a@b.example,A\n").invalid("$", "header"));
        cases.add(bad("header only", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv", "customer_number,email\r\n").invalid("$", "min-rows"));
        cases.add(bad("quote never closed", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv", "customer_number,email\n\"20002,a@b.example\n").invalid("$", "quotes"));
        cases.add(bad("Windows-1252 text", "POST", importPath, t.accountantKey, list, null)
                .bytes("text/csv", "customer_number;email\n20002;\u00d8ystein@b.example\n"
                        .getBytes(java.nio.charset.Charset.forName("windows-1252"))).invalid("$", "encoding"));
        cases.add(bad("UTF-16 text", "POST", importPath, t.accountantKey, list, null)
                .bytes("text/csv", ("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_16LE))
                .invalid("$", "encoding"));
        StringBuilder tooManyRows = new StringBuilder("customer_number,email\n");
        for (int i = 0; i <= 100_000; i++) {
            tooManyRows.append(i).append(",a@b.example\n");
        }
        cases.add(bad("100,001 rows", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv", tooManyRows.toString()).invalid("$", "max-rows"));
        StringBuilder tooManyChanges = new StringBuilder("customer_number,email\n");
        for (int i = 0; i <= 10_000; i++) {
            tooManyChanges.append("N").append(i).append(",a@b.example\n");
        }
        cases.add(bad("10,001 changes", "POST", importPath + "?validateOnly=true", t.accountantKey, list, null)
                .raw("text/csv", tooManyChanges.toString()).invalid("$", "max-changes"));
        cases.add(bad("over 10 MiB", "POST", importPath, t.accountantKey, list, null)
                .raw("text/csv", "customer_number,email\n" + "1,a@b.example\n".repeat(10 * 1024 * 1024 / 14 + 1))
                .expect(413, "CONTENT_TOO_LARGE"));
        return cases;
    }

    /** Bad input on every route of recurring invoices and subscriptions. */
    private static List<BadRequestCase> recurringCases(TenantFixture t, String draft, String emptyDraft) {
        String tomorrow = RecurringContract.tomorrow().toString();
        String today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();
        String subscription = RecurringContract.subscription(RecurringContract.tomorrow(), TenantFixture.CUSTOMER);
        String id = RecurringContract.createSubscription(t, subscription);
        String stoppedId = RecurringContract.createSubscription(t, subscription);
        t.expect(200, t.postEmpty("/recurring/" + stoppedId + "/stop"));
        String template = t.expect(201, t.post("/invoices/" + draft + "/recurring",
                "{\"period\": \"MONTH\", \"firstDate\": \"" + tomorrow + "\"}")).json().path("recurringId").asText();
        String list = t.path("/recurring");
        String one = t.path("/recurring/" + id);
        List<BadRequestCase> cases = new ArrayList<>();

        String makeRecurring = t.path("/invoices/" + draft + "/recurring");
        String monthly = "{\"period\": \"MONTH\", \"firstDate\": \"" + tomorrow + "\"}";
        cases.addAll(bodyCases("POST", makeRecurring, t.accountantKey, monthly, list, "firstDate", NODES.numberNode(20270101), "firstDate", true));
        cases.addAll(recurringScheduleCases("POST", makeRecurring, t.accountantKey, monthly, list));
        cases.add(bad("name over 200", "POST", makeRecurring, t.accountantKey, list, edit(monthly, b -> b.put("name", "x".repeat(201))))
                .invalid("name", "max-length"));
        cases.add(bad("invoice without lines", "POST", t.path("/invoices/" + emptyDraft + "/recurring"), t.accountantKey, list, monthly)
                .expect(422, "INCOMPLETE_INVOICE", "lines", "min-items"));

        String subscriptions = t.path("/subscriptions");
        cases.addAll(bodyCases("POST", subscriptions, t.accountantKey, subscription, list, "lines", NODES.textNode("many"), "name", true));
        cases.addAll(recurringScheduleCases("POST", subscriptions, t.accountantKey, subscription, list));
        cases.add(bad("no lines", "POST", subscriptions, t.accountantKey, list, edit(subscription, b -> b.putArray("lines")))
                .invalid("lines", "min-items"));
        cases.add(bad("negative quantity", "POST", subscriptions, t.accountantKey, list, set(subscription, "lines[0].quantity",
                NODES.textNode("-1"))).invalid("lines[0].quantity", "positive"));
        cases.add(bad("unknown VAT rate", "POST", subscriptions, t.accountantKey, list, set(subscription, "lines[0].vatRate",
                NODES.numberNode(7))).invalid("lines[0].vatRate", "one-of"));
        cases.add(bad("unknown product", "POST", subscriptions, t.accountantKey, list, set(subscription, "lines[1].productCode",
                NODES.textNode("NOPE"))).expect(422, "UNKNOWN_REFERENCE", "lines[1].productCode", "exists"));
        cases.add(bad("unknown language", "POST", subscriptions, t.accountantKey, list, edit(subscription, b -> b.put("language", "xx")))
                .invalid("language", "iso-639-1"));
        cases.add(bad("subscriber twice", "POST", subscriptions, t.accountantKey, list, edit(subscription, b ->
                ((ArrayNode) b.path("subscribers")).addObject().put("customerNumber", TenantFixture.CUSTOMER)))
                .invalid("subscribers[1].customerNumber", "unique"));
        cases.add(bad("unknown subscriber", "POST", subscriptions, t.accountantKey, list, set(subscription,
                "subscribers[0].customerNumber", NODES.textNode("99999")))
                .expect(422, "UNKNOWN_REFERENCE", "subscribers[0].customerNumber", "exists"));
        cases.add(bad("subscriber from today", "POST", subscriptions, t.accountantKey, list, set(subscription,
                "subscribers[0].startDate", NODES.textNode(today))).invalid("subscribers[0].startDate", "not-before-tomorrow"));
        cases.add(bad("malformed subscriber number", "POST", subscriptions, t.accountantKey, list, set(subscription,
                "subscribers[0].customerNumber", NODES.textNode("1 0"))).invalid("subscribers[0].customerNumber", "format"));

        for (String action : List.of("/pause", "/resume", "/stop")) {
            cases.add(bad("a body", "POST", one + action, t.accountantKey, one, "{\"from\": \"" + tomorrow + "\"}").invalid("$", "empty"));
            cases.addAll(ifMatchCases("POST", one + action, t.accountantKey, null, one));
        }
        cases.add(bad("resume an active schedule", "POST", one + "/resume", t.accountantKey, one, null).expect(409, "ILLEGAL_STATE"));
        cases.add(bad("stop a stopped schedule", "POST", t.path("/recurring/" + stoppedId + "/stop"), t.accountantKey,
                t.path("/recurring/" + stoppedId), null).expect(409, "ILLEGAL_STATE"));

        String subscribers = one + "/subscribers";
        String newcomer = "{\"customerNumber\": \"20002\"}";
        cases.addAll(bodyCases("POST", subscribers, t.accountantKey, newcomer, one, "startDate", NODES.numberNode(20270101), "customerNumber", true));
        cases.add(bad("already subscribes", "POST", subscribers, t.accountantKey, one, "{\"customerNumber\": \"" + TenantFixture.CUSTOMER + "\"}")
                .expect(409, "ALREADY_EXISTS", "customerNumber", "unique"));
        cases.add(bad("unknown customer", "POST", subscribers, t.accountantKey, one, newcomer)
                .expect(422, "UNKNOWN_REFERENCE", "customerNumber", "exists"));
        cases.add(bad("ends before it starts", "POST", subscribers, t.accountantKey, one, "{\"customerNumber\": \"" + TenantFixture.CUSTOMER
                + "\", \"startDate\": \"" + RecurringContract.tomorrow().plusDays(5) + "\", \"endDate\": \"" + tomorrow + "\"}")
                .invalid("endDate", "not-before-start"));
        cases.add(bad("a template's subscribers", "POST", t.path("/recurring/" + template + "/subscribers"), t.accountantKey,
                t.path("/recurring/" + template), newcomer).expect(409, "ILLEGAL_STATE"));
        cases.addAll(ifMatchCases("POST", subscribers, t.accountantKey, newcomer, one));

        String subscriber = subscribers + "/" + TenantFixture.CUSTOMER;
        String end = "{\"endDate\": \"" + RecurringContract.tomorrow().plusMonths(6) + "\"}";
        cases.addAll(bodyCases("PUT", subscriber, t.accountantKey, end, one, "endDate", NODES.numberNode(20270101), null, true));
        cases.add(bad("end in the past", "PUT", subscriber, t.accountantKey, one, "{\"endDate\": \"2020-01-01\"}")
                .invalid("endDate", "not-before-today"));
        cases.add(bad("not a subscriber", "PUT", subscribers + "/99999", t.accountantKey, one, end).expect(404, "NOT_FOUND"));
        cases.addAll(ifMatchCases("PUT", subscriber, t.accountantKey, end, one));
        cases.add(bad("not a subscriber", "DELETE", subscribers + "/99999", t.accountantKey, one, null).expect(404, "NOT_FOUND"));
        cases.addAll(ifMatchCases("DELETE", subscriber, t.accountantKey, null, one));

        cases.add(bad("unknown status", "GET", list + "?status=ended", t.accountantKey, null, null).invalid("status", "one-of"));
        cases.add(bad("unknown kind", "GET", list + "?kind=order", t.accountantKey, null, null).invalid("kind", "one-of"));
        cases.add(bad("limit out of range", "GET", list + "?limit=0", t.accountantKey, null, null).invalid("limit", "range"));
        cases.add(bad("foreign cursor", "GET", list + "?cursor=x", t.accountantKey, null, null).invalid("cursor", "format"));
        cases.add(bad("no next dates", "GET", one + "?next=0", t.accountantKey, null, null).invalid("next", "range"));
        cases.add(bad("limit out of range", "GET", one + "/invoices?limit=501", t.accountantKey, null, null).invalid("limit", "range"));
        cases.add(bad("foreign cursor", "GET", one + "/invoices?cursor=bm9wZQ", t.accountantKey, null, null).invalid("cursor", "format"));
        return cases;
    }

    /** Schedules of a recurring invoice or subscription that are refused, naming the field. */
    private static List<BadRequestCase> recurringScheduleCases(String method, String path, String token, String valid,
                                                               String probe) {
        String today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();
        List<BadRequestCase> cases = new ArrayList<>();
        cases.add(bad("first date today", method, path, token, probe, edit(valid, b -> b.put("firstDate", today)))
                .invalid("firstDate", "not-before-tomorrow"));
        cases.add(bad("end before the first date", method, path, token, probe, edit(valid, b -> b.put("endDate", today)))
                .invalid("endDate", "not-before-first-date"));
        cases.add(bad("no period", method, path, token, probe, edit(valid, b -> b.remove("period"))).invalid("period", "required"));
        cases.add(bad("period and pattern", method, path, token, probe, edit(valid, b -> b.putObject("pattern")
                .put("frequency", "DAILY").put("interval", 1))).invalid("pattern", "exclusive"));
        cases.add(bad("interval 0", method, path, token, probe, edit(valid, b -> {
            b.remove("period");
            b.putObject("pattern").put("frequency", "DAILY").put("interval", 0);
        })).invalid("pattern.interval", "range"));
        cases.add(bad("daily period", method, path, token, probe, edit(valid, b -> b.put("period", "DAY")))
                .invalid("period", "invalid-value"));
        cases.add(bad("malformed frequency id", method, path, token, probe, edit(valid, b -> {
            b.remove("period");
            b.put("frequencyId", "weekly");
        })).invalid("frequencyId", "format"));
        cases.add(bad("unknown frequency", method, path, token, probe, edit(valid, b -> {
            b.remove("period");
            b.put("frequencyId", java.util.UUID.randomUUID().toString());
        })).expect(422, "UNKNOWN_REFERENCE", "frequencyId", "exists"));
        return cases;
    }

    /** Schedules the pattern model or the RRULE reader refuses, naming the field. */
    private static List<BadRequestCase> scheduleCases(String method, String path, String token, String valid,
                                                      String monthly, String probe) {
        List<BadRequestCase> cases = new ArrayList<>();
        cases.add(bad("interval 0", method, path, token, probe, set(valid, "pattern.interval", NODES.numberNode(0)))
                .invalid("pattern.interval", "range"));
        cases.add(bad("day 32", method, path, token, probe, set(monthly, "pattern.dayOfMonth", NODES.numberNode(32)))
                .invalid("pattern.dayOfMonth", "range"));
        cases.add(bad("a fifth Friday", method, path, token, probe, edit(monthly, b -> ((ObjectNode) b.path("pattern"))
                .put("dayRule", "NTH_WEEKDAY").put("position", "FIFTH").put("weekday", "FRIDAY").remove("dayOfMonth")))
                .invalid("pattern.position", "invalid-value"));
        cases.add(bad("end before the anchor", method, path, token, probe, edit(monthly, b -> b.putObject("end")
                .put("kind", "ON_DATE").put("until", "2026-01-01"))).invalid("end.until", "not-before-anchor"));
        cases.add(bad("weekly without weekdays", method, path, token, probe, edit(valid, b -> ((ObjectNode) b.path("pattern"))
                .putArray("weekdays"))).invalid("pattern.weekdays", "min-items"));
        cases.add(bad("hourly", method, path, token, probe, set(valid, "pattern.frequency", NODES.textNode("HOURLY")))
                .invalid("pattern.frequency", "invalid-value"));
        cases.add(bad("malformed RRULE", method, path, token, probe, "{\"rrule\": \"FREQ=SOMETIMES\"}")
                .invalid("rrule", "malformed"));
        cases.add(bad("RRULE on the fifth Friday", method, path, token, probe, "{\"rrule\": \"FREQ=MONTHLY;BYDAY=5FR\"}")
                .invalid("rrule", "unsupported"));
        cases.add(bad("RRULE in another zone", method, path, token, probe,
                "{\"rrule\": \"DTSTART;VALUE=DATE:20260101\\nRRULE:FREQ=DAILY\\nX-WR-TIMEZONE:America/New_York\"}")
                .invalid("rrule", "zone"));
        cases.add(bad("pattern and RRULE", method, path, token, probe, edit(valid, b -> b.put("rrule", "FREQ=DAILY")))
                .invalid("rrule", "exclusive"));
        cases.add(bad("RRULE and an end", method, path, token, probe,
                "{\"rrule\": \"FREQ=DAILY;COUNT=3\", \"end\": {\"kind\": \"NEVER\"}}").invalid("end", "not-applicable"));
        cases.add(bad("RRULE with DTSTART and an anchor", method, path, token, probe,
                "{\"rrule\": \"DTSTART;VALUE=DATE:20260101\\nRRULE:FREQ=DAILY\", \"anchor\": \"2026-02-01\"}")
                .invalid("anchor", "not-applicable"));
        cases.add(bad("RRULE ending before it starts", method, path, token, probe,
                "{\"rrule\": \"DTSTART;VALUE=DATE:20260301\\nRRULE:FREQ=DAILY;UNTIL=20260201\"}").invalid("rrule", "not-before-anchor"));
        return cases;
    }

    /** Rules only an invoice draft has. */
    private static List<BadRequestCase> invoiceDraftCases(String method, String path, String token, String probe) {
        String valid = Bodies.INVOICE_DRAFT;
        List<BadRequestCase> cases = new ArrayList<>();
        cases.add(bad("no such date", method, path, token, probe, edit(valid, d -> d.put("invoiceDate", "2026-02-30")))
                .invalid("invoiceDate", "invalid-value"));
        cases.add(bad("date before 2000", method, path, token, probe, edit(valid, d -> d.put("invoiceDate", "1999-12-31")))
                .invalid("invoiceDate", "min"));
        cases.add(bad("locale with underscore", method, path, token, probe, edit(valid, d -> d.put("locale", "nb_NO")))
                .invalid("locale", "bcp-47"));
        cases.add(bad("custom terms without days", method, path, token, probe,
                edit(valid, d -> d.putObject("paymentTerms").put("kind", "CUSTOM"))).invalid("paymentTerms.days", "range"));
        cases.add(bad("contact with bad email", method, path, token, probe,
                edit(valid, d -> d.putArray("contacts").addObject().put("name", "Kari").put("email", "kari")))
                .invalid("contacts[0].email", "email"));
        return cases;
    }

    /** A bad and a stale If-Match on a route that honours it. */
    private static List<BadRequestCase> ifMatchCases(String method, String path, String token, String valid, String probe) {
        return List.of(
                bad("malformed If-Match", method, path, token, probe, valid).ifMatch("banana").invalid("If-Match", "etag"),
                bad("stale If-Match", method, path, token, probe, valid).ifMatch("\"7\"").expect(412, "STALE_VERSION"));
    }

    private static List<BadRequestCase> ifMatch(List<BadRequestCase> cases, String etag) {
        cases.forEach(c -> c.ifMatch(etag));
        return cases;
    }
}
