package io.invoiceflow.streams.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply of an SMTP server.
 *
 * @param code the three-digit reply code (250, 451, 550, ...)
 * @param text the reply text after the code, for example {@code 5.1.1 <a@b.example>: Recipient address rejected}
 */
public record SmtpReply(int code, String text) {
    private static final Pattern REPLY = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]?(.*)$", Pattern.DOTALL);
    private static final Pattern ENHANCED = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    public SmtpReply {
        text = text == null ? "" : text.strip();
    }

    /** Parses {@code "550 5.1.1 User unknown"}; multi-line replies keep every line's text. */
    public static Optional<SmtpReply> parse(String response) {
        if (response == null) {
            return Optional.empty();
        }
        Matcher m = REPLY.matcher(response.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String code = m.group(1);
        String text = m.group(2).replaceAll("(?m)^" + code + "[ -]", "").replaceAll("\\s*\\R\\s*", " ");
        return Optional.of(new SmtpReply(Integer.parseInt(code), text));
    }

    /** The RFC 3463 enhanced status code at the start of the text ({@code 5.1.1}), if any. */
    public Optional<String> enhancedStatus() {
        Matcher m = ENHANCED.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    public boolean isTemporary() {
        return code >= 400 && code < 500;
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
