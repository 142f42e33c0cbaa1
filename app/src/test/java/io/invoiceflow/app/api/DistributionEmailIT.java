package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distribution end to end with a real SMTP/IMAP server (GreenMail) on loopback: finalizing an invoice
 * emails the PDF to the first contact, the email is fetched over IMAP and compared with what the API
 * serves and what the distribution log recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionEmailIT {
    private static final String OPERATOR = "ifa_distribution-it-operator-0123456789";
    private GreenMailServer mail;
    private Invoiceflow app;
    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        mail = new GreenMailServer();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("INVOICEFLOW_DATA_DIR", dataDir.toString());
        env.put("INVOICEFLOW_ADMIN_TOKEN", OPERATOR);
        env.put("INVOICEFLOW_TOPIC_PARTITIONS", "2");
        env.put("INVOICEFLOW_SMTP_HOST", "127.0.0.1");
        env.put("INVOICEFLOW_SMTP_PORT", String.valueOf(mail.smtpPort()));
        env.put("INVOICEFLOW_SMTP_FROM", "Invoiceflow <noreply@invoiceflow.example>");
        env.put("INVOICEFLOW_SMTP_ENCRYPTION", "NONE");
        app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC());
        api = new ApiClient(app.port());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void shouldEmailThePdfToTheFirstContact_whenAnInvoiceIsFinalized() throws Exception {
        // given a tenant whose customer's contact is kari@bryggen.example
        TenantFixture tenant = TenantFixture.create(api, OPERATOR);

        // when an invoice is finalized
        String invoiceId = tenant.finalizedInvoice();

        // then the distribution is sent (P4), with every step in the log (S7)
        JsonNode distribution = awaitStatus(tenant, invoiceId, "SENT");
        assertThat(distribution.path("trigger").asText()).isEqualTo("FINALIZED");
        JsonNode attempt = distribution.path("attempts").get(0);
        assertThat(attempt.path("to").get(0).asText()).isEqualTo("kari@bryggen.example");
        assertThat(attempt.path("emailTemplate").asText()).isEqualTo("built-in:nb");
        assertThat(attempt.path("serverReply").asText()).startsWith("250");

        // and the email arrived: the P5 subject in the customer's language, the PDF the API serves, its Message-ID
        MimeMessage email = onlyMessage("kari@bryggen.example");
        assertThat(email.getSubject()).isEqualTo("PDF-faktura fra Fjordkraft Regnskap AS");
        assertThat(email.getMessageID()).isEqualTo(attempt.path("messageId").asText());
        byte[] attachment = pdfOf(email);
        ApiResponse pdf = tenant.get("/invoices/" + invoiceId + "/pdf");
        byte[] served = api.getBytes(tenant.path("/invoices/" + invoiceId + "/pdf"), tenant.accountantKey);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(attachment).isEqualTo(served);
        assertThat(sha256(attachment)).isEqualTo(attempt.path("pdfSha256").asText());
        try (PDDocument doc = Loader.loadPDF(attachment)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("INV-1001").contains("Bryggen Bakeri AS");
        }
        // and its link opens the invoice in a browser (H11)
        String body = textOf(email);
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
        TenantFixture tenant = TenantFixture.create(api, OPERATOR);
        String invoiceId = tenant.finalizedInvoice();
        awaitStatus(tenant, invoiceId, "SENT");

        // when
        ApiResponse send = tenant.post("/invoices/" + invoiceId + "/send", "{\"to\": [\"regnskap@elsewhere.example\"]}");

        // then
        assertThat(send.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> mail.fetchOverImap("regnskap@elsewhere.example",
                "regnskap@elsewhere.example").size() == 1);
        JsonNode log = tenant.get("/invoices/" + invoiceId + "/distribution").json();
        assertThat(log.path("distributions")).hasSize(2);
    }

    private JsonNode awaitStatus(TenantFixture tenant, String invoiceId, String status) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> tenant.get("/invoices/" + invoiceId + "/distribution"), r -> r.status() == 200
                        && r.json().path("distributions").size() > 0
                        && status.equals(r.json().path("distributions").get(0).path("status").asText()))
                .json().path("distributions").get(0);
    }

    private MimeMessage onlyMessage(String address) throws Exception {
        List<MimeMessage> messages = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> mail.fetchOverImap(address, address), m -> !m.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static byte[] pdfOf(Part part) throws Exception {
        List<byte[]> found = new ArrayList<>();
        collect(part, found, "application/pdf");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String textOf(Part part) throws Exception {
        List<byte[]> found = new ArrayList<>();
        collect(part, found, "text/plain");
        return new String(found.get(0), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void collect(Part part, List<byte[]> found, String type) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, found, type);
            }
        } else if (part.isMimeType(type)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(out);
            found.add(out.toByteArray());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
