package io.invoiceflow.app.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.app.api.LoopbackApp;
import io.invoiceflow.app.api.TenantFixture;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.invoiceflow.app.distribution.DistributionViews.PATIENCE;
import static io.invoiceflow.app.distribution.DistributionViews.awaitAttentionItem;
import static io.invoiceflow.app.distribution.DistributionViews.awaitDistribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P7, a bounce that arrives later: the whole app sends an invoice through GreenMail with a VERP
 * envelope sender, and reads its bounce mailbox on GreenMail over IMAP (polled every second). The
 * test plays the customer's mail system: it reports the email undeliverable with an RFC 3464
 * delivery status notification to the address the email came from (its VERP envelope sender), delivered
 * as plus-addressing does: into the bounce mailbox, with that address in {@code Delivered-To}.
 */
class DistributionBounceMailboxIT {
    private static final String OPERATOR = "ifa_distribution-bounce-it-operator-0123456789";
    private static final String BOUNCE_MAILBOX = "bounces@invoiceflow.example";
    private static final String BOUNCE_PASSWORD = "bounce-mailbox-password";
    private static final String CUSTOMER = "kari@bryggen.example";
    private static final String NOTIFICATION_ADDRESS = "faktura@fjordkraft.example";
    @RegisterExtension
    static final LoopbackApp<GreenMailServer> app = LoopbackApp.with(OPERATOR,
            () -> new GreenMailServer(BOUNCE_MAILBOX, BOUNCE_PASSWORD), DistributionBounceMailboxIT::settings);

    /** The system sender and the bounce mailbox on GreenMail, the mailbox read every second. */
    private static Map<String, String> settings(GreenMailServer mail) {
        Map<String, String> settings = new HashMap<>(LoopbackApp.systemSender(mail.smtpPort()));
        settings.put("INVOICEFLOW_BOUNCE_ADDRESS", BOUNCE_MAILBOX);
        settings.put("INVOICEFLOW_BOUNCE_IMAP_HOST", "127.0.0.1");
        settings.put("INVOICEFLOW_BOUNCE_IMAP_PORT", String.valueOf(mail.imapPort()));
        settings.put("INVOICEFLOW_BOUNCE_IMAP_ENCRYPTION", "NONE");
        settings.put("INVOICEFLOW_BOUNCE_IMAP_USER", BOUNCE_MAILBOX);
        settings.put("INVOICEFLOW_BOUNCE_IMAP_PASSWORD", BOUNCE_PASSWORD);
        settings.put("INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS", "1");
        return settings;
    }

    @Test
    void shouldMarkBouncedListAndNotifyOnce_whenADeliveryStatusNotificationArrivesInTheBounceMailbox() throws Exception {
        // given an invoice sent to the customer, from a VERP envelope sender
        TenantFixture tenant = TenantFixture.create(app.api(), OPERATOR);
        String invoiceId = tenant.finalizedInvoice();
        JsonNode sent = awaitDistribution(tenant, invoiceId, 0, "SENT");
        MimeMessage email = await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> app.mail().fetchOverImap(CUSTOMER, CUSTOMER), m -> !m.isEmpty()).get(0);
        String returnPath = email.getHeader("Return-Path", null);
        assertThat(returnPath).as("the envelope sender").matches("<?bounces\\+[a-z2-7]{44}@invoiceflow\\.example>?");
        String verp = new InternetAddress(returnPath).getAddress();

        // when the customer's mail system reports it undeliverable, to that envelope sender
        deliverToBounceMailbox(dsn(verp, email));

        // then the bounce mailbox is read, and the distribution is bounced with the report's status
        await().atMost(PATIENCE).until(() -> unseenInBounceMailbox() == 0);
        JsonNode bounced = awaitDistribution(tenant, invoiceId, 0, "BOUNCED");
        assertThat(bounced.path("distributionId").asText()).isEqualTo(sent.path("distributionId").asText());
        assertThat(bounced.path("attempts").get(0).path("outcome").asText()).isEqualTo("SENT");
        assertThat(bounced.path("bounces")).hasSize(1);
        JsonNode bounce = bounced.path("bounces").get(0);
        assertThat(bounce.path("recipient").asText()).isEqualTo(CUSTOMER);
        assertThat(bounce.path("source").asText()).isEqualTo("DSN");
        assertThat(bounce.path("status").asText()).isEqualTo("5.1.1");
        assertThat(bounce.path("diagnostic").asText()).contains("550 5.1.1").contains("User unknown");

        // and the invoice needs attention
        JsonNode item = awaitAttentionItem(tenant, invoiceId);
        assertThat(item.path("reason").asText()).isEqualTo("BOUNCED");
        assertThat(item.path("errorCode").asText()).isEqualTo("5.1.1");
        assertThat(item.path("detail").asText()).contains(CUSTOMER);

        // and the tenant's notification address gets one notice, in the tenant's language
        List<MimeMessage> notices = await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> app.mail().fetchOverImap(NOTIFICATION_ADDRESS, NOTIFICATION_ADDRESS), n -> !n.isEmpty());
        assertThat(notices).hasSize(1);
        assertThat(Mails.subject(notices.get(0))).isEqualTo("E-post med faktura INV-1001 kom ikke fram");
        assertThat(Mails.text(notices.get(0))).contains(CUSTOMER).contains("DSN 5.1.1");

        // and when the mail system delivers the same report again, it changes nothing
        deliverToBounceMailbox(dsn(verp, email));
        await().atMost(PATIENCE).until(() -> unseenInBounceMailbox() == 0);
        assertThat(app.invoiceflow().writeSide().events(sent.path("distributionId").asText()))
                .filteredOn(e -> e.getPayload() instanceof DistributionBounced).hasSize(1);
        assertThat(app.mail().fetchOverImap(NOTIFICATION_ADDRESS, NOTIFICATION_ADDRESS)).hasSize(1);

        // and when the notice to the tenant bounces too, its report is read once (not on every poll) and changes nothing
        String noticeVerp = new InternetAddress(notices.get(0).getHeader("Return-Path", null)).getAddress();
        assertThat(noticeVerp).isNotEqualTo(verp);
        deliverToBounceMailbox(dsn(noticeVerp, notices.get(0)));
        await().atMost(PATIENCE).until(() -> unseenInBounceMailbox() == 0);
        assertThat(app.invoiceflow().writeSide().events(sent.path("distributionId").asText()))
                .filteredOn(e -> e.getPayload() instanceof DistributionBounced).hasSize(1);
        assertThat(app.mail().fetchOverImap(NOTIFICATION_ADDRESS, NOTIFICATION_ADDRESS)).hasSize(1);
    }

    /**
     * A delivery status notification as Postfix writes it: a human part, the
     * {@code message/delivery-status} part, and the returned message's headers.
     */
    private static byte[] dsn(String verp, MimeMessage original) throws Exception {
        String boundary = "dsn-" + UUID.randomUUID();
        String date = new MailDateFormat().format(new Date());
        String returnedHeaders = String.join("\r\n", Collections.list(original.getAllHeaderLines()));
        String text = String.join("\r\n",
                "Return-Path: <>",
                "Delivered-To: " + verp,
                "Date: " + date,
                "From: MAILER-DAEMON@mx.bryggen.example (Mail Delivery System)",
                "Subject: Undelivered Mail Returned to Sender",
                "To: " + verp,
                "Auto-Submitted: auto-replied",
                "Message-Id: <" + UUID.randomUUID() + "@mx.bryggen.example>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status;",
                "\tboundary=\"" + boundary + "\"",
                "",
                "This is a MIME-encapsulated message.",
                "",
                "--" + boundary,
                "Content-Description: Notification",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "This is the mail system at host mx.bryggen.example.",
                "",
                "I'm sorry to have to inform you that your message could not",
                "be delivered to one or more recipients. It's attached below.",
                "",
                "<" + CUSTOMER + ">: host mailstore.bryggen.example[10.0.0.7] said: 550 5.1.1",
                "    <" + CUSTOMER + ">: Recipient address rejected: User unknown in virtual",
                "    mailbox table (in reply to RCPT TO command)",
                "",
                "--" + boundary,
                "Content-Description: Delivery report",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.bryggen.example",
                "X-Postfix-Queue-ID: 4XkT2m1bQvz9sWd",
                "X-Postfix-Sender: rfc822; " + verp,
                "Arrival-Date: " + date,
                "",
                "Final-Recipient: rfc822; " + CUSTOMER,
                "Original-Recipient: rfc822;" + CUSTOMER,
                "Action: failed",
                "Status: 5.1.1",
                "Remote-MTA: dns; mailstore.bryggen.example",
                "Diagnostic-Code: smtp; 550 5.1.1 <" + CUSTOMER + ">: Recipient address rejected:",
                "    User unknown in virtual mailbox table",
                "",
                "--" + boundary,
                "Content-Description: Undelivered Message Headers",
                "Content-Type: text/rfc822-headers",
                "",
                returnedHeaders,
                "",
                "--" + boundary + "--",
                "");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Puts {@code raw} into the bounce mailbox as its mail server's delivery agent does. (Not over
     * SMTP: GreenMail refuses the null envelope sender a delivery status notification must have.)
     */
    private void deliverToBounceMailbox(byte[] raw) throws Exception {
        MimeMessage report = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        app.mail().greenMail().getUserManager().getUserByEmail(BOUNCE_MAILBOX).deliver(report);
    }

    private int unseenInBounceMailbox() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", app.mail().imapPort(), BOUNCE_MAILBOX, BOUNCE_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            return inbox.getUnreadMessageCount();
        } finally {
            store.close();
        }
    }

}
