package io.invoiceflow.app.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.api.ApiResponse;
import io.invoiceflow.app.api.LoopbackApp;
import io.invoiceflow.app.api.TenantFixture;
import io.invoiceflow.streams.testing.ScriptedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.invoiceflow.app.distribution.DistributionViews.PATIENCE;
import static io.invoiceflow.app.distribution.DistributionViews.attentionItem;
import static io.invoiceflow.app.distribution.DistributionViews.awaitAttentionItem;
import static io.invoiceflow.app.distribution.DistributionViews.awaitDistribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failure paths of sending an invoice, end to end: the whole app in development mode (so the
 * test moves its clock over a retry delay) sends through a scripted SMTP server on loopback that
 * answers each recipient as the test says. Every test has a tenant of its own whose customer's
 * address, from the distribution list, is unique to the test.
 */
class DistributionSmtpFailureIT {
    private static final String OPERATOR = "ifa_distribution-failure-it-operator-0123456789";
    /** The notification address of every test tenant ({@code TestTenants.norwegianProfile()}). */
    private static final String NOTIFICATION_ADDRESS = "faktura@fjordkraft.example";
    @RegisterExtension
    static final LoopbackApp<ScriptedSmtpServer> app = LoopbackApp.with(OPERATOR, ScriptedSmtpServer::new,
            DistributionSmtpFailureIT::settings);

    /** The system sender on the scripted server, in development mode (a test moves the clock over a retry delay). */
    private static Map<String, String> settings(ScriptedSmtpServer smtp) {
        Map<String, String> settings = new HashMap<>(LoopbackApp.systemSender(smtp.port()));
        settings.put("INVOICEFLOW_MODE", "development");
        return settings;
    }

    @Test
    void shouldRetryAtTheRetryTimeAndSendOnce_whenTheServerAnswers451ThenAccepts() {
        // given a customer whose mail server greylists: 451 for the first message
        String address = unique("greylisted") + "@bryggen.example";
        app.mail().rcptReply(address, "451 4.7.1 <" + address + ">: Recipient address rejected: Greylisted, try again later");
        TenantFixture tenant = tenantSendingTo(address);

        // when an invoice is finalized
        String invoiceId = tenant.finalizedInvoice();

        // then attempt 1 failed for now, with the server's code and the time of the retry
        JsonNode retrying = awaitDistribution(tenant, invoiceId, 0, "RETRYING");
        assertThat(retrying.path("attempts")).hasSize(1);
        JsonNode first = retrying.path("attempts").get(0);
        assertThat(first.path("attempt").asInt()).isEqualTo(1);
        assertThat(first.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(first.path("permanent").asBoolean()).isFalse();
        assertThat(first.path("errorCode").asText()).isEqualTo("SMTP_TEMPORARY");
        assertThat(first.path("errorMessage").asText()).contains("451 4.7.1");
        Instant retryAt = Instant.parse(first.path("retryAt").asText());
        // the first retry delay (1 minute) from the moment the worker saw the failure, between rendering and
        // recording it (event times are kept to the millisecond)
        assertThat(retryAt.truncatedTo(ChronoUnit.MILLIS)).isBetween(Instant.parse(first.path("renderedAt").asText()).plus(Duration.ofMinutes(1)),
                Instant.parse(first.path("outcomeAt").asText()).plus(Duration.ofMinutes(1)));
        assertThat(deliveredTo(address)).isEmpty();

        // when the server takes the address again and the development clock passes the retry time
        app.mail().rcptReply(address, "250 2.1.5 Ok");
        ApiResponse moved = app.api().put("/api/v1/dev/clock").token(OPERATOR)
                .json("{\"now\": \"" + retryAt.plusSeconds(1) + "\"}").send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);

        // then attempt 2 is sent, the same email (same Message-ID), and only once
        JsonNode sent = awaitDistribution(tenant, invoiceId, 0, "SENT");
        assertThat(sent.path("attempts")).hasSize(2);
        assertThat(sent.path("attempts").get(0).path("outcome").asText()).isEqualTo("FAILED");
        JsonNode second = sent.path("attempts").get(1);
        assertThat(second.path("attempt").asInt()).isEqualTo(2);
        assertThat(second.path("outcome").asText()).isEqualTo("SENT");
        assertThat(second.path("serverReply").asText()).startsWith("250");
        assertThat(second.path("messageId").asText()).isEqualTo(first.path("messageId").asText());
        List<MimeMessage> delivered = deliveredTo(address);
        assertThat(delivered).hasSize(1);
        assertThat(Mails.messageId(delivered.get(0))).isEqualTo(second.path("messageId").asText());
        assertThat(recipientCommands(address)).as("one RCPT per attempt").hasSize(2);
    }

    @Test
    void shouldFailBounceNotifyOnceAndResendElsewhere_whenTheServerRejectsTheRecipientFor550() {
        // given a customer whose address does not exist
        String address = unique("nobody") + "@bryggen.example";
        app.mail().rcptReply(address, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown in virtual mailbox table");
        TenantFixture tenant = tenantSendingTo(address);

        // when an invoice is finalized
        String invoiceId = tenant.finalizedInvoice();

        // then its distribution failed for good and bounced, with the server's answer
        JsonNode bounced = awaitDistribution(tenant, invoiceId, 0, "BOUNCED");
        assertThat(bounced.path("attempts")).hasSize(1);
        JsonNode attempt = bounced.path("attempts").get(0);
        assertThat(attempt.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(attempt.path("permanent").asBoolean()).isTrue();
        assertThat(attempt.path("errorCode").asText()).isEqualTo("SMTP_REJECTED_RECIPIENT");
        assertThat(attempt.path("errorMessage").asText()).contains("550 5.1.1");
        assertThat(attempt.path("retryAt").isNull()).isTrue();
        assertThat(bounced.path("bounces")).hasSize(1);
        JsonNode bounce = bounced.path("bounces").get(0);
        assertThat(bounce.path("recipient").asText()).isEqualTo(address);
        assertThat(bounce.path("source").asText()).isEqualTo("SMTP");
        assertThat(bounce.path("status").asText()).isEqualTo("5.1.1");
        assertThat(bounce.path("diagnostic").asText()).contains("User unknown");
        assertThat(deliveredTo(address)).isEmpty();

        // and the invoice needs attention
        JsonNode item = awaitAttentionItem(tenant, invoiceId);
        assertThat(item.path("reason").asText()).isEqualTo("BOUNCED");
        assertThat(item.path("errorCode").asText()).isEqualTo("5.1.1");
        assertThat(item.path("distributionId").asText()).isEqualTo(bounced.path("distributionId").asText());
        assertThat(item.path("number").asText()).isEqualTo("INV-1001");
        assertThat(item.path("detail").asText()).contains(address);

        // and the tenant's notification address got one notice about it, in the tenant's language
        MimeMessage notice = await().atMost(PATIENCE).until(() -> noticesAbout(address), n -> !n.isEmpty()).get(0);
        assertThat(Mails.subject(notice)).isEqualTo("E-post med faktura INV-1001 kom ikke fram");
        assertThat(Mails.text(notice)).contains("5.1.1");

        // when a user re-sends it to another address
        String elsewhere = unique("regnskap") + "@elsewhere.example";
        ApiResponse resend = tenant.post("/invoices/" + invoiceId + "/resend", "{\"to\": [\"" + elsewhere + "\"]}");
        assertThat(resend.status()).as("%s", resend).isEqualTo(202);

        // then it is sent there
        JsonNode resent = awaitDistribution(tenant, invoiceId, 1, "SENT");
        assertThat(resent.path("trigger").asText()).isEqualTo("RESEND");
        assertThat(resent.path("distributionId").asText()).isEqualTo(resend.json().path("distributionId").asText());
        JsonNode resentAttempt = resent.path("attempts").get(0);
        assertThat(resentAttempt.path("to")).extracting(JsonNode::asText).containsExactly(elsewhere);
        List<MimeMessage> delivered = deliveredTo(elsewhere);
        assertThat(delivered).hasSize(1);
        assertThat(Mails.messageId(delivered.get(0))).isEqualTo(resentAttempt.path("messageId").asText());
        // and the address is not saved to the distribution list, which still names the bouncing one
        JsonNode list = tenant.get("/distribution-list").json().path("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("customerNumber").asText()).isEqualTo("10001");
        assertThat(list.get(0).path("email").asText()).isEqualTo(address);
        // and the invoice no longer needs attention
        await().atMost(PATIENCE).until(() -> attentionItem(tenant, invoiceId) == null);
        // and the bounce was notified once only, and the refused address never tried again
        assertThat(noticesAbout(address)).hasSize(1);
        assertThat(recipientCommands(address)).hasSize(1);
    }

    @Test
    void shouldListTheOrderAndNotifyOnce_whenTheServerRejectsTheRecipientOfAnOrderConfirmation() {
        // given an order of a customer whose list address does not exist
        String address = unique("nobody") + "@bryggen.example";
        app.mail().rcptReply(address, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown in virtual mailbox table");
        TenantFixture tenant = tenantSendingTo(address);
        ApiResponse created = tenant.post("/orders", "{\"customerNumber\": \"10001\", \"lines\": [{\"productCode\": \"CONSULT\", \"quantity\": \"1\"}]}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String orderId = created.json().path("orderId").asText();
        String number = orderId.substring(0, 8).toUpperCase(Locale.ROOT);

        // when its confirmation is sent
        ApiResponse send = tenant.post("/orders/" + orderId + "/send", "{}");
        assertThat(send.status()).as("%s", send).isEqualTo(202);

        // then the order's distribution bounced
        JsonNode bounced = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> tenant.get("/orders/" + orderId + "/distribution"), r -> r.status() == 200
                        && "BOUNCED".equals(r.json().path("distributions").path(0).path("status").asText()))
                .json().path("distributions").get(0);
        assertThat(bounced.path("bounces").get(0).path("recipient").asText()).isEqualTo(address);
        assertThat(deliveredTo(address)).isEmpty();

        // and the order is on the attention list, named by its id and number, without an invoice id
        JsonNode item = await().atMost(PATIENCE).until(() -> orderAttentionItem(tenant, orderId), i -> i != null);
        assertThat(item.has("invoiceId")).isFalse();
        assertThat(item.path("number").asText()).isEqualTo(number);
        assertThat(item.path("customerNumber").asText()).isEqualTo("10001");
        assertThat(item.path("reason").asText()).isEqualTo("BOUNCED");
        assertThat(item.path("distributionId").asText()).isEqualTo(send.json().path("distributionId").asText());

        // and the tenant was told once, about the order, in its language
        MimeMessage notice = await().atMost(PATIENCE).until(() -> noticesAbout(address), n -> !n.isEmpty()).get(0);
        assertThat(Mails.subject(notice)).isEqualTo("E-post med ordrebekreftelse " + number + " kom ikke fram");
        assertThat(Mails.text(notice)).contains("5.1.1");
        assertThat(noticesAbout(address)).hasSize(1);
    }

    /** The order's entry on the attention list, or null. */
    private static JsonNode orderAttentionItem(TenantFixture tenant, String orderId) {
        for (JsonNode item : tenant.get("/distribution/attention").json()) {
            if (orderId.equals(item.path("orderId").asText())) {
                return item;
            }
        }
        return null;
    }

    /** A fresh tenant whose customer 10001 is on the distribution list with {@code address}. */
    private TenantFixture tenantSendingTo(String address) {
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        ApiResponse entry = app.api().put(tenant.path("/distribution-list/10001")).token(tenant.accountantKey)
                .json("{\"email\": \"" + address + "\"}").send();
        assertThat(entry.status()).as("%s", entry).isEqualTo(201);
        return tenant;
    }

    /** The messages the server accepted for {@code address}. */
    private List<MimeMessage> deliveredTo(String address) {
        String rcpt = "<" + address.toLowerCase(Locale.ROOT) + ">";
        return app.mail().received().stream()
                .filter(m -> m.rcptTo().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains(rcpt)))
                .map(m -> Mails.parse(m.data()))
                .toList();
    }

    /** The {@code RCPT TO} commands the server got for {@code address}: one per attempt to send to it. */
    private List<String> recipientCommands(String address) {
        String rcpt = "rcpt to:<" + address.toLowerCase(Locale.ROOT) + ">";
        return app.mail().commands().stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(rcpt)).toList();
    }

    /** The bounce notices to the notification address that name {@code address}. */
    private List<MimeMessage> noticesAbout(String address) {
        return deliveredTo(NOTIFICATION_ADDRESS).stream().filter(m -> Mails.text(m).contains(address)).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
