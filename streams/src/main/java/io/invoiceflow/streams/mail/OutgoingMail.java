package io.invoiceflow.streams.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One message to send: a text/plain and a text/html alternative of the same body, attachments,
 * and the job's {@link MailIdentity}. Every value that ends up in a header is checked for line
 * breaks here, so merged template values cannot inject headers.
 *
 * @param identity    Message-ID, ENVID, envelope sender and job header of the distribution job
 * @param from        the {@code From} mailbox (usually the sender account's)
 * @param replyTo     an optional {@code Reply-To}
 * @param to          at least one recipient
 * @param cc          copy recipients (may be empty)
 * @param subject     1-500 characters on one line
 * @param textBody    the plain-text alternative
 * @param htmlBody    the HTML alternative
 * @param attachments attachments (the invoice PDF), may be empty
 */
public record OutgoingMail(MailIdentity identity, MailAddress from, Optional<MailAddress> replyTo, List<MailAddress> to,
                           List<MailAddress> cc, String subject, String textBody, String htmlBody,
                           List<Attachment> attachments) {
    /** More recipients than this in one message is refused (an invoice goes to a few people). */
    public static final int MAX_RECIPIENTS = 50;

    public OutgoingMail {
        Fields fields = new Fields();
        replyTo = replyTo == null ? Optional.empty() : replyTo;
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (identity == null) {
            fields.add("identity", "required", "identity is required");
        }
        if (from == null) {
            fields.add("from", "required", "from is required");
        }
        if (to.isEmpty()) {
            fields.add("to", "required", "at least one To recipient is required");
        }
        if (to.size() + cc.size() > MAX_RECIPIENTS) {
            fields.add("cc", "max-items", "at most " + MAX_RECIPIENTS + " recipients in To and Cc together");
        }
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        to.forEach(a -> all.add("to:" + a.address()));
        cc.forEach(a -> all.add("cc:" + a.address()));
        for (String entry : all) {
            String address = entry.substring(3).toLowerCase(Locale.ROOT);
            if (!seen.add(address)) {
                fields.add(entry.substring(0, 2), "unique", "recipient " + entry.substring(3) + " is listed twice");
            }
        }
        if (subject == null || subject.isBlank() || subject.length() > 500) {
            fields.add("subject", "required", "subject must be 1 to 500 characters");
        }
        fields.headerSafe("subject", subject);
        if (textBody == null) {
            fields.add("textBody", "required", "textBody is required");
        }
        if (htmlBody == null) {
            fields.add("htmlBody", "required", "htmlBody is required");
        }
        fields.throwIfAny();
    }

    /** Every envelope recipient, To first. */
    public List<MailAddress> recipients() {
        List<MailAddress> out = new ArrayList<>(to);
        out.addAll(cc);
        return out;
    }
}
