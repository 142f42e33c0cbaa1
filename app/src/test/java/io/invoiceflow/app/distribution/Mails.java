package io.invoiceflow.app.distribution;

import io.invoiceflow.streams.testing.GreenMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reading received emails in the distribution tests. */
public final class Mails {
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    /** The one message in {@code address}'s inbox on {@code mail} (over IMAP), once one has come (within 30 s). */
    public static MimeMessage awaitOnlyMessage(GreenMailServer mail, String address) {
        List<MimeMessage> messages = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> mail.fetchOverImap(address, address), m -> !m.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** A message as a mail server stored it. */
    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a message", e);
        }
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded bodies of every part of {@code type} (e.g. {@code application/pdf}, {@code text/plain}). */
    static List<byte[]> parts(Part part, String type) {
        List<byte[]> found = new ArrayList<>();
        try {
            collect(part, type, found);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The decoded body of the one part of {@code type}; fails unless there is exactly one. */
    public static byte[] onlyPart(Part part, String type) {
        List<byte[]> found = parts(part, type);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The text of the first {@code text/plain} part. */
    public static String text(Part part) {
        List<byte[]> texts = parts(part, "text/plain");
        if (texts.isEmpty()) {
            throw new AssertionError("no text/plain part");
        }
        return new String(texts.get(0), StandardCharsets.UTF_8);
    }

    private static void collect(Part part, String type, List<byte[]> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.isMimeType(type)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(out);
            found.add(out.toByteArray());
        }
    }
}
