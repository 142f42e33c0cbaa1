package io.invoiceflow.streams.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * Builds the MIME message of an {@link OutgoingMail}:
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8
 *     text/html; charset=UTF-8
 *   application/pdf; name=...  (Content-Disposition: attachment)
 * </pre>
 * (just the {@code multipart/alternative} when there is no attachment). Headers: {@code From},
 * {@code To}, {@code Cc}, {@code Reply-To} (names as RFC 2047 UTF-8 words), {@code Subject}
 * (UTF-8), {@code Date} from the clock, the job's fixed {@code Message-ID},
 * {@code X-Invoiceflow-Job}, and {@code Auto-Submitted: auto-generated} (RFC 3834: out-of-office
 * responders should not answer). Envelope: the job's envelope sender, {@code NOTIFY=FAILURE,DELAY}
 * on every recipient and {@code RET=HDRS} (a bounce returns the headers, not the PDF).
 */
public final class MailComposer {
    /** The custom header that carries the job's token. */
    public static final String JOB_HEADER = "X-Invoiceflow-Job";

    private final Clock clock;

    public MailComposer(Clock clock) {
        this.clock = clock;
    }

    /** The message as bytes, exactly as it would be sent. */
    public byte[] toBytes(Session session, OutgoingMail mail) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            compose(session, mail).writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the message", e);
        }
    }

    JobMessage compose(Session session, OutgoingMail mail) throws MessagingException {
        MailIdentity id = mail.identity();
        JobMessage message = new JobMessage(session, id.messageId(), id.envelopeId());
        message.setFrom(mail.from().toInternetAddress());
        message.setRecipients(Message.RecipientType.TO, addresses(mail.to()));
        if (!mail.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, addresses(mail.cc()));
        }
        if (mail.replyTo().isPresent()) {
            message.setReplyTo(new InternetAddress[]{mail.replyTo().get().toInternetAddress()});
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader(JOB_HEADER, id.jobHeader());
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        alternative.addBodyPart(html);
        if (mail.attachments().isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Attachment attachment : mail.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.contentUnsafe(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        id.envelopeSender().ifPresent(message::setEnvelopeFrom);
        message.setNotifyOptions(SMTPMessage.NOTIFY_FAILURE | SMTPMessage.NOTIFY_DELAY);
        message.setReturnOption(SMTPMessage.RETURN_HDRS);
        message.setSendPartial(true);
        message.saveChanges();
        return message;
    }

    private static InternetAddress[] addresses(List<MailAddress> list) {
        return list.stream().map(MailAddress::toInternetAddress).toArray(InternetAddress[]::new);
    }
}
