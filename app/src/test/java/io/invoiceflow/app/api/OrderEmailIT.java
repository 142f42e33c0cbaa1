package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.invoiceflow.app.distribution.Mails;
import io.invoiceflow.documents.archive.DirectoryDocumentArchive;
import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.invoiceflow.app.api.Problems.assertInvalid;
import static io.invoiceflow.app.api.Problems.assertProblem;
import static io.invoiceflow.app.api.Problems.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5 (S2): sending an order's confirmation by email, end to end through the HTTP API with a real SMTP/IMAP
 * server (GreenMail) on loopback. Every test has a customer of its own with addresses unique to the test, so the
 * mailboxes never mix.
 */
class OrderEmailIT {
    private static final String OPERATOR = "ifa_order-email-it-operator-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    @RegisterExtension
    static final LoopbackApp<GreenMailServer> app = LoopbackApp.with(OPERATOR, GreenMailServer::new,
            mail -> LoopbackApp.systemSender(mail.smtpPort()));

    @Test
    void shouldEmailTheConfirmationInThePickedLayoutAndLanguage_whenAUserSendsAnOrderWithLayoutCompact()
            throws Exception {
        // given a Swedish customer with two contacts, and an order for it
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        Customer customer = customer(tenant, "sv");
        String orderId = order(tenant, customer.number());
        String number = orderId.substring(0, 8).toUpperCase(Locale.ROOT);

        // when the accountant sends it in the compact layout
        ApiResponse send = tenant.post("/orders/" + orderId + "/send", "{\"layout\": \"compact\"}");

        // then it is accepted like an invoice's send
        tenant.expect(202, send);
        String distributionId = send.json().path("distributionId").asText();
        assertThat(send.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(send.json().path("layout").asText()).isEqualTo("compact");
        assertThat(send.header("Location")).hasValue(tenant.path("/orders/" + orderId + "/distribution"));

        // and the distribution log lists the attempt as sent, routed to the first contact with the other in Cc
        JsonNode distribution = awaitOrderDistribution(tenant, orderId, 0, "SENT");
        assertThat(distribution.path("distributionId").asText()).isEqualTo(distributionId);
        assertThat(distribution.path("trigger").asText()).isEqualTo("SEND");
        assertThat(distribution.path("requestedBy").asText()).isEqualTo(tenant.accountantUserId);
        JsonNode attempt = distribution.path("attempts").get(0);
        assertThat(attempt.path("outcome").asText()).isEqualTo("SENT");
        assertThat(attempt.path("layout").asText()).isEqualTo("compact");
        assertThat(attempt.path("language").asText()).isEqualTo("sv");
        assertThat(attempt.path("emailTemplate").asText()).isEqualTo("built-in:sv");
        assertThat(attempt.path("to")).extracting(JsonNode::asText).containsExactly(customer.first());
        assertThat(attempt.path("cc")).extracting(JsonNode::asText).containsExactly(customer.second());

        // and the email arrived in the customer's language, with the order confirmation
        MimeMessage email = Mails.awaitOnlyMessage(app.mail(), customer.first());
        assertThat(email.getSubject()).isEqualTo("Orderbekräftelse " + number + " från Fjordkraft Regnskap AS");
        assertThat(Mails.text(email)).contains("orderbekräftelse " + number);
        assertThat(email.getMessageID()).isEqualTo(attempt.path("messageId").asText());
        assertThat(Arrays.stream(email.getRecipients(Message.RecipientType.CC))
                .map(a -> ((InternetAddress) a).getAddress())).containsExactly(customer.second());
        byte[] attachment = Mails.onlyPart(email, "application/pdf");
        try (PDDocument doc = Loader.loadPDF(attachment)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Orderbekräftelse", number, "PO-1");
        }
        // the PDF is the archived one, the compact layout's download, and no other layout's
        assertThat(new DirectoryDocumentArchive(app.dataDir().resolve("documents"))
                .read(attempt.path("pdfSha256").asText())).hasValue(attachment);
        String pdf = tenant.path("/orders/" + orderId + "/pdf");
        assertThat(attachment).isEqualTo(app.api().getBytes(pdf + "?layout=compact", tenant.accountantKey));
        assertThat(attachment).isNotEqualTo(app.api().getBytes(pdf + "?layout=classic", tenant.accountantKey));

        // and the order's history names who sent it and when (S8)
        JsonNode history = tenant.get("/orders/" + orderId + "/history").json();
        List<JsonNode> requested = new ArrayList<>();
        history.forEach(entry -> {
            if ("DistributionRequested".equals(entry.path("event").asText())) {
                requested.add(entry);
            }
        });
        assertThat(requested).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo(tenant.accountantUserId);
            assertThat(entry.path("aggregateId").asText()).isEqualTo(distributionId);
            assertThat(entry.path("time").asText()).isEqualTo(distribution.path("requestedAt").asText());
        });
    }

    @Test
    void shouldRenderTheTenantsOrderLayout_whenNoLayoutIsGiven() throws Exception {
        // given a tenant whose orders are rendered in the modern layout
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        tenant.expect(200, tenant.put("/settings/layouts",
                "{\"invoice\": \"classic\", \"creditNote\": \"classic\", \"order\": \"modern\"}", null));
        Customer customer = customer(tenant, "nb");
        String orderId = order(tenant, customer.number());

        // when it is sent without a body
        tenant.expect(202, tenant.postEmpty("/orders/" + orderId + "/send"));

        // then the modern layout was used, in Norwegian, and the file is the order's default download
        JsonNode attempt = awaitOrderDistribution(tenant, orderId, 0, "SENT").path("attempts").get(0);
        assertThat(attempt.path("layout").asText()).isEqualTo("modern");
        MimeMessage email = Mails.awaitOnlyMessage(app.mail(), customer.first());
        assertThat(email.getSubject()).startsWith("Ordrebekreftelse ");
        byte[] attachment = Mails.onlyPart(email, "application/pdf");
        String pdf = tenant.path("/orders/" + orderId + "/pdf");
        assertThat(attachment).isEqualTo(app.api().getBytes(pdf, tenant.accountantKey))
                .isEqualTo(app.api().getBytes(pdf + "?layout=modern", tenant.accountantKey));
    }

    @Test
    void shouldEmailTheGivenAddresses_whenTheUserNamesToAndCc() throws Exception {
        // given
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        Customer customer = customer(tenant, "nb");
        String orderId = order(tenant, customer.number());
        String to = unique("innkjop") + "@elsewhere.example";
        String cc = unique("sjef") + "@elsewhere.example";

        // when
        tenant.expect(202, tenant.post("/orders/" + orderId + "/send",
                "{\"to\": [\"" + to + "\"], \"cc\": [\"" + cc + "\"]}"));

        // then the routed recipients get nothing, the given ones the email
        JsonNode attempt = awaitOrderDistribution(tenant, orderId, 0, "SENT").path("attempts").get(0);
        assertThat(attempt.path("to")).extracting(JsonNode::asText).containsExactly(to);
        assertThat(attempt.path("cc")).extracting(JsonNode::asText).containsExactly(cc);
        MimeMessage email = Mails.awaitOnlyMessage(app.mail(), to);
        assertThat(Mails.awaitOnlyMessage(app.mail(), cc).getMessageID()).isEqualTo(email.getMessageID());
        assertThat(email.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactlyInAnyOrder(to, cc).doesNotContain(customer.first(), customer.second());
    }

    @Test
    void shouldRefuseTheSend_whenTheLayoutOrAnAddressIsWrongOrTheOrderIsNotTheTenants() {
        // given
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        TenantFixture other = TenantFixture.create(app.api(), OPERATOR);
        String orderId = order(tenant, TenantFixture.CUSTOMER);
        String send = "/orders/" + orderId + "/send";

        // when
        ApiResponse unknownName = tenant.post(send, "{\"layout\": \"fancy\"}");
        ApiResponse blank = tenant.post(send, "{\"layout\": \"\"}");
        ApiResponse missingTemplate = tenant.post(send, "{\"layout\": \"custom:nothing\"}");
        ApiResponse badTo = tenant.post(send, "{\"to\": [\"not an address\"]}");
        ApiResponse badCc = tenant.post(send, "{\"cc\": [\"ok@example.no\", \"nope\"]}");
        ApiResponse unknownField = tenant.post(send, "{\"layuot\": \"compact\"}");
        ApiResponse unknownOrder = tenant.post("/orders/" + UUID.randomUUID() + "/send", "{}");
        ApiResponse othersOrder = other.post(send, "{}");

        // then as the order PDF's layout, and as an invoice's addresses
        assertInvalid(unknownName, "layout", "one-of");
        assertInvalid(blank, "layout", "one-of");
        assertThat(violations(assertProblem(missingTemplate, 422, "UNKNOWN_REFERENCE"))).contains("layout exists");
        assertInvalid(badTo, "to[0]", "email");
        assertInvalid(badCc, "cc[1]", "email");
        assertProblem(unknownField, 400, "INVALID_INPUT");
        assertProblem(unknownOrder, 404, "NOT_FOUND");
        assertProblem(othersOrder, 404, "NOT_FOUND");
        assertThat(tenant.get("/orders/" + orderId + "/distribution").json().path("distributions")).isEmpty();
        assertProblem(other.get("/orders/" + orderId + "/distribution"), 404, "NOT_FOUND");
    }

    @Test
    void shouldSendTheOrder_whenTheTenantsInvoicingIsDeactivated() throws Exception {
        // given a tenant that stopped invoicing (S1): orders still work
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        Customer customer = customer(tenant, "nb");
        String orderId = order(tenant, customer.number());
        tenant.expect(200, app.api().post(tenant.path("/invoicing/deactivate")).token(tenant.adminKey)
                .json("{\"reason\": \"Moving to another system\"}").send());

        // when
        ApiResponse send = tenant.post("/orders/" + orderId + "/send", "{\"layout\": \"classic\"}");

        // then sending an order confirmation is not invoicing
        tenant.expect(202, send);
        awaitOrderDistribution(tenant, orderId, 0, "SENT");
        assertThat(Mails.awaitOnlyMessage(app.mail(), customer.first()).getSubject()).startsWith("Ordrebekreftelse ");
    }

    // ---- fixtures

    /** A customer with two contacts whose addresses are unique to the test. */
    private record Customer(String number, String first, String second) {
    }

    private static Customer customer(TenantFixture tenant, String language) {
        String number = "c-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = new Customer(number, unique("karin") + "@handel.example", unique("olof") + "@handel.example");
        String body = Bodies.edit(Bodies.customer(number), node -> {
            node.put("invoiceLanguage", language);
            ArrayNode contacts = node.putArray("contacts");
            contacts.addObject().put("name", "Karin").put("email", customer.first());
            contacts.addObject().put("name", "Olof").put("email", customer.second());
        });
        tenant.expect(201, tenant.post("/customers", body));
        return customer;
    }

    private static String order(TenantFixture tenant, String customerNumber) {
        String body = Bodies.edit(Bodies.ORDER_DRAFT, node -> node.put("customerNumber", customerNumber));
        return tenant.expect(201, tenant.post("/orders", body)).json().path("orderId").asText();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The order's distribution number {@code index} (oldest first), once it has {@code status}. */
    private static JsonNode awaitOrderDistribution(TenantFixture tenant, String orderId, int index, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> tenant.get("/orders/" + orderId + "/distribution"), r -> r.status() == 200
                        && r.json().path("distributions").size() > index
                        && status.equals(r.json().path("distributions").get(index).path("status").asText()))
                .json().path("distributions").get(index);
    }
}
