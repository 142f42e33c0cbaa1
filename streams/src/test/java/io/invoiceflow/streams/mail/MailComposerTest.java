package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.testing.TestMails;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MailComposerTest {
    private final Session session = Session.getInstance(new Properties());
    private final MailComposer composer = new MailComposer(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldKeepTheJobsMessageId_whenTheMessageIsSavedAgain() throws Exception {
        // given a composed message
        OutgoingMail mail = TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of());
        JobMessage message = composer.compose(session, mail);

        // when Jakarta Mail saves it again (as Transport.send does)
        message.saveChanges();

        // then the Message-ID is still the job's, and the envelope is set for DSN
        assertThat(message.getMessageID()).isEqualTo(mail.identity().messageId());
        assertThat(message.getEnvelopeFrom()).isEqualTo(mail.identity().envelopeSender().orElseThrow());
        assertThat(message.getNotifyOptions()).isEqualTo(SMTPMessage.NOTIFY_FAILURE | SMTPMessage.NOTIFY_DELAY);
        assertThat(message.getReturnOption()).isEqualTo(SMTPMessage.RETURN_HDRS);
        assertThat(message.getSendPartial()).isTrue();
        assertThat(message.envelopeId()).isEqualTo(mail.identity().envelopeId());
    }

    @Test
    void shouldEncodeNonAsciiHeadersAsUtf8Words_whenNamesAndSubjectHaveThem() throws Exception {
        // given a mail with Norwegian letters in names, subject and attachment name
        OutgoingMail mail = TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of());

        // when it is written out
        String wire = new String(composer.toBytes(session, mail), StandardCharsets.ISO_8859_1);

        // then the header section is pure ASCII with RFC 2047 words, and it parses back to the same text
        String headers = wire.substring(0, wire.indexOf("\r\n\r\n"));
        assertThat(headers.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(headers).contains("Subject: =?UTF-8?").contains("X-Invoiceflow-Job: ").contains("Date: Mon, 30 Nov 2026 08:00:00");
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(parsed.getSubject()).isEqualTo(mail.subject());
        assertThat(parsed.getHeader("To", null)).contains("=?UTF-8?");
        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Faktura INV-1001 – Bryggen.pdf");
        assertThat(mixed.getBodyPart(1).getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    }

    @Test
    void shouldSendOnlyTheAlternatives_whenThereIsNoAttachment() throws Exception {
        OutgoingMail template = TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of());
        OutgoingMail mail = new OutgoingMail(template.identity(), template.from(), Optional.empty(), template.to(), List.of(),
                "Påminnelse", "tekst", "<p>html</p>", List.of());
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(composer.toBytes(session, mail)));
        assertThat(parsed.isMimeType("multipart/alternative")).isTrue();
        assertThat(parsed.getReplyTo()[0].toString()).isEqualTo(parsed.getFrom()[0].toString());
        assertThat(parsed.getHeader("Cc")).isNull();
    }
}
