package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.invoiceflow.app.api.Problems.assertInvalid;
import static io.invoiceflow.app.api.Problems.assertProblem;
import static io.invoiceflow.app.api.Problems.violations;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant's distribution settings over HTTP (H7, S2-S6): read, change, refuse, and used by the PDF download. */
interface DistributionSettingsContract extends ApiTestContext {

    @Test
    default void shouldShowTheDefaults_whenATenantHasNotChangedItsSettings() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse payment = tenant.get("/settings/payment");
        ApiResponse layouts = tenant.get("/settings/layouts");
        ApiResponse templates = tenant.get("/settings/templates");
        ApiResponse texts = tenant.get("/settings/email-templates");
        ApiResponse fields = tenant.get("/settings/email-templates/fields");
        ApiResponse account = tenant.get("/settings/sender-account");

        // then
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.header("ETag")).as("no version before the first change").isEmpty();
        assertThat(payment.json().path("kid").path("algorithm").asText()).isEqualTo("MOD10");
        assertThat(payment.json().path("kid").path("sequenceDigits").asInt()).isEqualTo(9);
        assertThat(payment.json().path("bankAccount").isNull()).isTrue();
        assertThat(layouts.json().path("defaults").path("invoice").asText()).isEqualTo("classic");
        assertThat(layouts.json().path("available")).extracting(JsonNode::asText).containsExactly("classic", "modern", "compact");
        assertThat(templates.json().path("items")).isEmpty();
        assertThat(texts.json().path("items")).isEmpty();
        assertThat(fields.json().path("items")).extracting(f -> f.path("placeholder").asText())
                .contains("{Number}", "{DueDate}", "{Total}", "{Supplier.Name}", "{Customer.Name}", "{Kid}", "{InvoiceUrl}");
        assertProblem(account, 404, "NOT_FOUND");
    }

    @Test
    default void shouldSaveNormalisedPaymentSettings_whenAnAdminChangesThem() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse byAccountant = tenant.put("/settings/payment", SettingsBodies.PAYMENT, null);
        ApiResponse byAdmin = api().put(tenant.path("/settings/payment")).token(tenant.adminKey)
                .json(SettingsBodies.PAYMENT).send();
        ApiResponse again = api().put(tenant.path("/settings/payment")).token(tenant.adminKey).ifMatch("\"0\"")
                .json(SettingsBodies.PAYMENT).send();

        // then the bank account is where customers pay: only an admin changes it
        assertProblem(byAccountant, 403, "FORBIDDEN");
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(200);
        assertThat(byAdmin.header("Invoiceflow-Version")).hasValue(tenant.id + "/distribution-settings:0");
        assertThat(byAdmin.etag()).isEqualTo("\"0\"");
        assertThat(byAdmin.json().path("bankAccount").asText()).isEqualTo("86011117947");
        assertThat(byAdmin.json().path("iban").asText()).isEqualTo("NO9386011117947");
        assertThat(byAdmin.json().path("bic").asText()).isEqualTo("DNBANOKK");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.etag()).as("the same settings again record nothing").isEqualTo("\"0\"");
        assertThat(tenant.get("/settings/payment").json()).isEqualTo(byAdmin.json());
    }

    @Test
    default void shouldRenderTheTenantsTemplate_whenItIsTheDefaultAndAnInvoiceIsDownloaded() throws Exception {
        // given a custom template with a logo, saved after it rendered the samples
        TenantFixture tenant = newTenant();
        String template = SettingsBodies.customTemplate();
        ApiResponse saved = tenant.put("/settings/templates/house", template, null);
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        assertThat(saved.location()).isEqualTo(tenant.path("/settings/templates/house"));
        ApiResponse savedAgain = tenant.put("/settings/templates/house", template, null);

        // when it becomes the invoice default and the rule of customer 10001, and an invoice is downloaded
        tenant.expect(200, tenant.put("/settings/layouts", "{\"invoice\": \"custom:house\", \"creditNote\": \"classic\","
                + " \"order\": \"classic\"}", null));
        ApiResponse rule = tenant.put("/settings/layouts/customers/" + TenantFixture.CUSTOMER, "{\"layout\": \"modern\"}", null);
        tenant.expect(200, tenant.put("/settings/layouts/customers/" + TenantFixture.CUSTOMER,
                "{\"layout\": \"custom:house\"}", null));
        String invoiceId = tenant.finalizedInvoice();
        byte[] pdf = api().getBytes(tenant.path("/invoices/" + invoiceId + "/pdf"), tenant.accountantKey);

        // then
        assertThat(savedAgain.status()).isEqualTo(200);
        assertThat(savedAgain.etag()).as("the same template again records nothing").isEqualTo(saved.etag());
        assertThat(rule.status()).isEqualTo(201);
        JsonNode view = tenant.get("/settings/templates/house").json();
        assertThat(view.path("kind").asText()).isEqualTo("CUSTOM");
        assertThat(view.path("xslt").asText()).isEqualTo(SettingsBodies.XSLT);
        assertThat(view.path("logo").asText()).isEqualTo(SettingsBodies.logoBase64());
        assertThat(view.path("usedBy")).extracting(JsonNode::asText).containsExactly("default:invoice", "customer:10001");
        assertThat(tenant.get("/settings/templates").json().path("items").get(0).path("logo").path("mediaType").asText())
                .isEqualTo("image/png");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rendered by the Fjordkraft house template")
                    .contains("INV-1001");
        }
        assertProblem(tenant.delete("/settings/templates/house"), 409, "ILLEGAL_STATE");
    }

    @Test
    default void shouldRenderAnOrderInTheLayoutTheUserPicks_whenItIsDownloaded() throws Exception {
        // given an order of customer 10001, whose invoices have their own layout rule, and a saved template
        TenantFixture tenant = newTenant();
        tenant.expect(201, tenant.put("/settings/templates/house", SettingsBodies.customTemplate(), null));
        tenant.expect(201, tenant.put("/settings/layouts/customers/" + TenantFixture.CUSTOMER, "{\"layout\": \"custom:house\"}", null));
        String orderId = tenant.order();
        String number = orderId.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String pdf = tenant.path("/orders/" + orderId + "/pdf");

        // when it is downloaded without a choice, in each standard layout, and in the template
        ApiResponse response = tenant.get("/orders/" + orderId + "/pdf");
        byte[] byDefault = api().getBytes(pdf, tenant.accountantKey);
        List<byte[]> standard = new ArrayList<>();
        for (String layout : List.of("classic", "modern", "compact")) {
            standard.add(api().getBytes(pdf + "?layout=" + layout, tenant.auditorKey()));
        }
        byte[] house = api().getBytes(pdf + "?layout=custom:house", tenant.accountantKey);
        tenant.expect(200, tenant.put("/settings/layouts", "{\"invoice\": \"classic\", \"creditNote\": \"classic\","
                + " \"order\": \"custom:house\"}", null));
        byte[] newDefault = api().getBytes(pdf, tenant.accountantKey);

        // then the default is the tenant's order layout (a customer's rule is for invoices and credit notes)
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        assertThat(response.header("Content-Disposition")).hasValue("inline; filename=\"order-" + number + ".pdf\"");
        assertThat(byDefault).as("the default order layout is classic").isEqualTo(standard.get(0));
        assertThat(standard.get(1)).isNotEqualTo(standard.get(0));
        assertThat(standard.get(2)).isNotEqualTo(standard.get(0)).isNotEqualTo(standard.get(1));
        for (byte[] file : standard) {
            assertThat(text(file)).contains("Ordrebekreftelse", number, "PO-1", "Bread");
        }
        assertThat(text(house)).contains("Rendered by the Fjordkraft house template", number);
        assertThat(newDefault).isEqualTo(house);
        assertThat(api().getBytes(pdf + "?layout=modern", tenant.accountantKey))
                .as("the same order in the same layout is the same file").isEqualTo(standard.get(1));
    }

    @Test
    default void shouldRefuseTheOrderDownload_whenTheLayoutIsNoneOfTheTenants() {
        // given
        TenantFixture tenant = newTenant();
        String orderId = tenant.order();

        // when
        ApiResponse unknownName = tenant.get("/orders/" + orderId + "/pdf?layout=fancy");
        ApiResponse blank = tenant.get("/orders/" + orderId + "/pdf?layout=");
        ApiResponse missingTemplate = tenant.get("/orders/" + orderId + "/pdf?layout=custom:nothing");
        ApiResponse unknownOrder = tenant.get("/orders/" + java.util.UUID.randomUUID() + "/pdf?layout=classic");

        // then
        assertInvalid(unknownName, "layout", "one-of");
        assertInvalid(blank, "layout", "one-of");
        JsonNode missing = assertProblem(missingTemplate, 422, "UNKNOWN_REFERENCE");
        assertThat(violations(missing)).contains("layout exists");
        assertProblem(unknownOrder, 404, "NOT_FOUND");
    }

    @Test
    default void shouldRenderACreditNote_whenItIsDownloaded() throws Exception {
        // given a credit note for the first line of invoice INV-1001
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();
        ApiResponse credited = tenant.post("/invoices/" + invoiceId + "/credit", "{\"lineNos\": [1]}");
        tenant.expect(201, credited);

        // when
        ApiResponse response = api().get(credited.location() + "/pdf").token(tenant.auditorKey()).send();
        byte[] pdf = api().getBytes(credited.location() + "/pdf", tenant.accountantKey);

        // then
        String number = credited.json().path("number").asText();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).hasValue("inline; filename=\"" + number + ".pdf\"");
        assertThat(text(pdf)).contains(number, "INV-1001");
        assertProblem(tenant.get("/credit-notes/" + java.util.UUID.randomUUID() + "/pdf"), 404, "NOT_FOUND");
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    default void shouldPreviewASavedAndAnUnsavedTemplate_whenAsked() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(201, tenant.put("/settings/templates/plain", SettingsBodies.STANDARD_TEMPLATE, null));

        // when
        ApiResponse saved = api().post(tenant.path("/settings/templates/plain/preview?language=sv"))
                .token(tenant.accountantKey).send();
        ApiResponse unsaved = tenant.post("/settings/templates/draft/preview", SettingsBodies.customTemplate());
        ApiResponse byAuditorUnsaved = api().post(tenant.path("/settings/templates/draft/preview"))
                .token(tenant.auditorKey()).json(SettingsBodies.STANDARD_TEMPLATE).send();
        ApiResponse missing = api().post(tenant.path("/settings/templates/nothing/preview")).token(tenant.accountantKey).send();

        // then
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(saved.contentType()).isEqualTo("application/pdf");
        assertThat(saved.body()).startsWith("%PDF");
        assertThat(unsaved.status()).isEqualTo(200);
        assertThat(unsaved.body()).startsWith("%PDF");
        assertProblem(byAuditorUnsaved, 403, "FORBIDDEN");
        assertProblem(missing, 404, "NOT_FOUND");
        assertProblem(tenant.get("/settings/templates/draft"), 404, "NOT_FOUND");
    }

    @Test
    default void shouldRefuseABrokenTemplateWithTheReason_andSaveNothing() {
        // given
        TenantFixture tenant = newTenant();
        String notWellFormed = Bodies.API_JSON.createObjectNode().put("xslt", "<xsl:stylesheet version=\"1.0\">").toString();
        String readsFiles = Bodies.API_JSON.createObjectNode().put("xslt", SettingsBodies.XSLT.replace(
                "<xsl:value-of select=\"title\"/>", "<xsl:value-of select=\"document('file:///etc/passwd')\"/>")).toString();

        // when
        ApiResponse broken = tenant.put("/settings/templates/house", notWellFormed, null);
        ApiResponse locked = tenant.put("/settings/templates/house", readsFiles, null);

        // then
        JsonNode problem = assertInvalid(broken, "xslt", "renders");
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
        assertInvalid(locked, "xslt", "renders");
        assertProblem(tenant.get("/settings/templates/house"), 404, "NOT_FOUND");
        assertThat(tenant.get("/settings/templates").json().path("items")).isEmpty();
    }

    @Test
    default void shouldManageEmailTexts_onlyWithTheCustomInvoiceEmailPermission() {
        // given
        TenantFixture tenant = newTenant();
        String path = tenant.path("/settings/email-templates/invoice/sv");

        // when
        ApiResponse byAccountant = api().put(path).token(tenant.accountantKey).json(SettingsBodies.EMAIL_TEMPLATE).send();
        ApiResponse byAdmin = api().put(path).token(tenant.adminKey).json(SettingsBodies.EMAIL_TEMPLATE).send();
        ApiResponse unknownField = api().put(path).token(tenant.adminKey)
                .json("{\"name\": \"Svenska\", \"subject\": \"Faktura {Nummer}\", \"body\": \"Hej\"}").send();
        ApiResponse readByAccountant = tenant.get("/settings/email-templates/invoice/sv");

        // then
        assertProblem(byAccountant, 403, "FORBIDDEN");
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(201);
        assertThat(byAdmin.json().path("subject").asText()).isEqualTo("Faktura {Number} från {Supplier.Name}");
        JsonNode problem = assertInvalid(unknownField, "subject", "merge-field");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("{Nummer}").contains("position 9");
        assertThat(readByAccountant.status()).isEqualTo(200);
        assertThat(readByAccountant.json().path("name").asText()).isEqualTo("Svenska kunder");
        assertThat(tenant.get("/settings/email-templates").json().path("items")).hasSize(1);

        // and when removed
        ApiResponse removed = api().delete(path).token(tenant.adminKey).send();
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.header("Invoiceflow-Version")).hasValue(tenant.id + "/distribution-settings:1");
        assertProblem(tenant.get("/settings/email-templates/invoice/sv"), 404, "NOT_FOUND");
    }

    @Test
    default void shouldNeverShowThePassword_whenTheSenderAccountIsSetReadAndChanged() {
        // given
        TenantFixture tenant = newTenant();
        String path = tenant.path("/settings/sender-account");

        // when
        ApiResponse set = api().put(path).token(tenant.adminKey).json(SettingsBodies.SENDER_ACCOUNT).send();
        ApiResponse read = tenant.get("/settings/sender-account");
        ApiResponse changed = api().put(path).token(tenant.adminKey).json(Bodies.edit(SettingsBodies.SENDER_ACCOUNT,
                b -> b.remove("password"))).send();
        ApiResponse internal = api().put(path).token(tenant.adminKey).json(Bodies.edit(SettingsBodies.SENDER_ACCOUNT,
                b -> b.put("host", "127.0.0.1"))).send();
        ApiResponse byAccountant = api().put(path).token(tenant.accountantKey).json(SettingsBodies.SENDER_ACCOUNT).send();

        // then
        List<ApiResponse> shown = new ArrayList<>(List.of(set, read, changed));
        for (ApiResponse r : shown) {
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.body()).doesNotContain("app-password-7Kq2");
            assertThat(r.json().has("password")).isFalse();
            assertThat(r.json().path("passwordSet").asBoolean()).isTrue();
        }
        assertThat(set.header("Cache-Control")).hasValue("no-store");
        assertThat(read.json().path("host").asText()).isEqualTo("192.0.2.25");
        assertInvalid(internal, "host", "public-address");
        assertProblem(byAccountant, 403, "FORBIDDEN");

        // and when removed, mail goes from the system sender again
        assertThat(api().delete(path).token(tenant.adminKey).send().status()).isEqualTo(204);
        assertProblem(tenant.get("/settings/sender-account"), 404, "NOT_FOUND");
        assertProblem(api().post(path + "/test").token(tenant.adminKey).json("{\"to\": \"kari@fjordkraft.example\"}").send(),
                404, "NOT_FOUND");
    }

    @Test
    default void shouldAnswerAnEmptySettingsHistory_whenTheSettingsWereNeverChanged() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse history = tenant.get("/settings/history");

        // then
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.json().isArray()).isTrue();
        assertThat(history.json()).isEmpty();
    }

    @Test
    default void shouldListEveryChangeInTheSettingsHistory_withoutAnySecret() {
        // given
        TenantFixture tenant = newTenant();
        tenant.expect(200, tenant.put("/settings/layouts", SettingsBodies.LAYOUTS, null));
        tenant.expect(200, api().put(tenant.path("/settings/sender-account")).token(tenant.adminKey)
                .json(SettingsBodies.SENDER_ACCOUNT).send());

        // when
        ApiResponse history = tenant.get("/settings/history");

        // then
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.json()).extracting(e -> e.path("event").asText())
                .containsExactly("DefaultLayoutsChanged", "SenderAccountSet");
        assertThat(history.body()).contains("192.0.2.25").doesNotContain("app-password-7Kq2");
    }
}
