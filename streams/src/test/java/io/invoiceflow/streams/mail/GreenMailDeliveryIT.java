package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.bounce.JobTokens;
import io.invoiceflow.streams.secrets.HostPolicy;
import io.invoiceflow.streams.secrets.SecretBox;
import io.invoiceflow.streams.testing.GreenMailServer;
import io.invoiceflow.streams.testing.TestMails;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Real email to GreenMail over SMTP on loopback, read back over IMAP. */
class GreenMailDeliveryIT {
    private static final String RECIPIENT = "post@bryggen.test";
    private GreenMailServer greenMail;
    private SmtpMailer mailer;

    @BeforeEach
    void start() {
        greenMail = new GreenMailServer(RECIPIENT, "imap-secret", "regnskap@bryggen.test", "imap-secret-2");
        mailer = new SmtpMailer(TestMails.settings(), HostPolicy.of(true), Clock.fixed(Instant.parse("2026-11-30T08:15:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        mailer.close();
        greenMail.close();
    }

    @Test
    void shouldDeliverSubjectBodiesAttachmentAndIds_whenSentThroughGreenMail() throws Exception {
        // given an invoice email with a 60 KB PDF
        UUID job = UUID.randomUUID();
        byte[] pdf = TestMails.pdf(60_000);
        OutgoingMail mail = TestMails.mail(job, List.of(RECIPIENT), List.of("regnskap@bryggen.test"), pdf);

        // when it is sent over SMTP
        SendOutcome outcome = mailer.transport(TestMails.account(greenMail.smtpPort())).send(mail);

        // then GreenMail accepted it, and IMAP gives back the same subject, bodies, attachment and ids
        assertThat(outcome).isInstanceOf(Accepted.class);
        List<MimeMessage> inbox = greenMail.fetchOverImap(RECIPIENT, "imap-secret");
        assertThat(inbox).hasSize(1);
        MimeMessage received = inbox.get(0);
        assertThat(received.getSubject()).isEqualTo("Faktura INV-1001 fra Fjordkraft Regnskap AS – forfall 14.12.");
        assertThat(received.getMessageID()).isEqualTo(mail.identity().messageId()).isEqualTo(outcome.messageId());
        assertThat(received.getHeader("X-Invoiceflow-Job", null)).isEqualTo(TestMails.TOKENS.token(job));
        assertThat(received.getHeader("Return-Path", null))
                .isEqualTo("<bounces+" + TestMails.TOKENS.token(job) + "@invoiceflow.test>");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("faktura@fjordkraft.test");
        assertThat(from.getPersonal()).isEqualTo("Fjordkraft Regnskap AS");
        InternetAddress to = (InternetAddress) received.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Bryggen Bakeri ÆØÅ");
        assertThat(received.getHeader("To", null)).doesNotContain("Æ"); // encoded as an RFC 2047 word on the wire
        assertThat(received.getRecipients(Message.RecipientType.CC)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("regnskap@bryggen.test");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo("kari@fjordkraft.test");

        Multipart mixed = (Multipart) received.getContent();
        assertThat(received.isMimeType("multipart/mixed")).isTrue();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        // (text travels in canonical form: line breaks arrive as CRLF)
        assertThat(((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(mail.textBody());
        assertThat(alternative.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo(mail.htmlBody());
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        assertThat(attachment.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("Faktura INV-1001 – Bryggen.pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }

        // and the Cc recipient got the same message
        assertThat(greenMail.fetchOverImap("regnskap@bryggen.test", "imap-secret-2")).singleElement()
                .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(mail.identity().messageId()));
    }

    @Test
    void shouldCarryTheSameIds_whenAJobIsSentAgainAfterARestart(@TempDir Path dataDir) throws Exception {
        // given a job sent by one process, which then "crashes" before recording the send
        UUID job = UUID.randomUUID();
        JobTokens before = JobTokens.from(SecretBox.fromKeyFile(dataDir));
        SendOutcome first = mailer.transport(TestMails.account(greenMail.smtpPort())).send(
                withIdentity(before, job));
        mailer.close();

        // when a new process (new key objects from the same key file) sends the same job again
        mailer = new SmtpMailer(TestMails.settings(), HostPolicy.of(true), Clock.systemUTC());
        JobTokens after = JobTokens.from(SecretBox.fromKeyFile(dataDir));
        SendOutcome second = mailer.transport(TestMails.account(greenMail.smtpPort())).send(withIdentity(after, job));

        // then the repeated email carries the same Message-ID, ENVID, VERP sender and job header
        assertThat(second.messageId()).isEqualTo(first.messageId());
        List<MimeMessage> inbox = greenMail.fetchOverImap(RECIPIENT, "imap-secret");
        assertThat(inbox).hasSize(2);
        assertThat(inbox).extracting(MimeMessage::getMessageID).containsOnly(first.messageId());
        assertThat(inbox).extracting(m -> m.getHeader("Return-Path", null)).containsOnly(inbox.get(0).getHeader("Return-Path", null));
        assertThat(after.fromMessageId(first.messageId())).contains(job);
    }

    private static OutgoingMail withIdentity(JobTokens tokens, UUID job) {
        OutgoingMail template = TestMails.mail(job, List.of(RECIPIENT), List.of());
        return new OutgoingMail(tokens.identity(job, "fjordkraft.test", Optional.of(TestMails.BOUNCE_ADDRESS)), template.from(),
                template.replyTo(), template.to(), template.cc(), template.subject(), template.textBody(), template.htmlBody(),
                template.attachments());
    }
}
