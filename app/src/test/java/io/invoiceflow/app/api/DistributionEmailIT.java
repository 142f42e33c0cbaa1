package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.distribution.Mails;
import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.invoiceflow.app.distribution.DistributionViews.awaitDistribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distribution end to end with a real SMTP/IMAP server (GreenMail) on loopback: finalizing an invoice
 * emails the PDF to the first contact, the email is fetched over IMAP and compared with what the API
 * serves and what the distribution log recorded.
 */
class DistributionEmailIT {
    private static final String OPERATOR = "ifa_distribution-it-operator-0123456789";
    @RegisterExtension
    static final LoopbackApp<GreenMailServer> app = LoopbackApp.with(OPERATOR, GreenMailServer::new,
            mail -> LoopbackApp.systemSender(mail.smtpPort()));

    @Test
    void shouldEmailThePdfToTheFirstContact_whenAnInvoiceIsFinalized() throws Exception {
        // given a tenant whose customer's contact is kari@bryggen.example
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);

        // when an invoice is finalized
        String invoiceId = tenant.finalizedInvoice();

        // then the distribution is sent (P4), with every step in the log (S7)
        JsonNode distribution = awaitDistribution(tenant, invoiceId, 0, "SENT");
        assertThat(distribution.path("trigger").asText()).isEqualTo("FINALIZED");
        JsonNode attempt = distribution.path("attempts").get(0);
        assertThat(attempt.path("to").get(0).asText()).isEqualTo("kari@bryggen.example");
        assertThat(attempt.path("emailTemplate").asText()).isEqualTo("built-in:nb");
        assertThat(attempt.path("serverReply").asText()).startsWith("250");

        // and the email arrived: the P5 subject in the customer's language, the PDF the API serves, its Message-ID
        MimeMessage email = Mails.awaitOnlyMessage(app.mail(), "kari@bryggen.example");
        assertThat(email.getSubject()).isEqualTo("PDF-faktura fra Fjordkraft Regnskap AS");
        assertThat(email.getMessageID()).isEqualTo(attempt.path("messageId").asText());
        byte[] attachment = Mails.onlyPart(email, "application/pdf");
        ApiResponse pdf = tenant.get("/invoices/" + invoiceId + "/pdf");
        byte[] served = app.api().getBytes(tenant.path("/invoices/" + invoiceId + "/pdf"), tenant.accountantKey);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(attachment).isEqualTo(served);
        assertThat(sha256(attachment)).isEqualTo(attempt.path("pdfSha256").asText());
        try (PDDocument doc = Loader.loadPDF(attachment)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("INV-1001").contains("Bryggen Bakeri AS");
        }
        // and its link opens the invoice in a browser (H11)
        String body = Mails.text(email);
        Matcher link = Pattern.compile("(http://localhost:\\d+/view/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("a view link in %s", body).isTrue();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("INV-1001");
        assertThat(tenant.get("/invoices/" + invoiceId + "/link").json().path("url").asText()).isEqualTo(link.group(1));
    }

    @Test
    void shouldEmailTheGivenAddress_whenAUserSendsTheInvoiceElsewhere() throws Exception {
        // given
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        String invoiceId = tenant.finalizedInvoice();
        awaitDistribution(tenant, invoiceId, 0, "SENT");

        // when
        ApiResponse send = tenant.post("/invoices/" + invoiceId + "/send", "{\"to\": [\"regnskap@elsewhere.example\"]}");

        // then
        assertThat(send.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> app.mail().fetchOverImap("regnskap@elsewhere.example",
                "regnskap@elsewhere.example").size() == 1);
        JsonNode log = tenant.get("/invoices/" + invoiceId + "/distribution").json();
        assertThat(log.path("distributions")).hasSize(2);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
