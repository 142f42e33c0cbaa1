package io.invoiceflow.streams.mail;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What identifies one distribution job's message on the wire; all values are derived from the job
 * (see {@code io.invoiceflow.streams.bounce.JobTokens#identity}), so a repeated send after a crash
 * carries the same ones.
 *
 * @param messageId      the {@code Message-ID} header, with angle brackets
 * @param envelopeId     the DSN envelope id (ENVID, RFC 3461), sent when the server supports DSN
 * @param envelopeSender the envelope sender ({@code MAIL FROM}, a VERP address); empty: the {@code From} address
 * @param jobHeader      the value of the {@code X-Invoiceflow-Job} header
 */
public record MailIdentity(String messageId, String envelopeId, Optional<String> envelopeSender, String jobHeader) {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,128}@[A-Za-z0-9.-]{1,253}>");
    private static final Pattern XTEXT_SAFE = Pattern.compile("[!-*,-<>-~]{1,100}");

    public MailIdentity {
        Fields fields = new Fields();
        envelopeSender = envelopeSender == null ? Optional.empty() : envelopeSender;
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            fields.add("messageId", "format", "messageId must look like <local@domain> (ASCII, no spaces)");
        }
        if (envelopeId == null || !XTEXT_SAFE.matcher(envelopeId).matches()) {
            fields.add("envelopeId", "format", "envelopeId must be 1-100 printable ASCII characters without '+' and '='");
        }
        envelopeSender.ifPresent(s -> {
            try {
                MailAddress.of(s);
            } catch (io.invoiceflow.events.DomainException e) {
                fields.add("envelopeSender", "email", "envelopeSender must be an email address");
            }
        });
        if (jobHeader == null || jobHeader.isBlank() || jobHeader.length() > 200) {
            fields.add("jobHeader", "required", "jobHeader must be 1 to 200 characters");
        }
        fields.headerSafe("jobHeader", jobHeader);
        fields.throwIfAny();
    }
}
