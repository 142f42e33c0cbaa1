package io.invoiceflow.streams.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bounces that have no {@code message/delivery-status} part from their wording: qmail,
 * older Exim, Microsoft Exchange (2003 and 2007+ plain-text NDRs) and Gmail's older plain-text
 * notices, with {@code X-Failed-Recipients} as the last resort. Each recognized format gives the
 * recipients, a status code (from the text, else {@code 5.0.0} / {@code 4.0.0}), the diagnostic
 * text and, where the bounce quotes the original message, its headers.
 */
final class UnstructuredBounce {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>'\"()\\[\\],;:]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.])([45])\\d\\d(?=[ -])");
    private static final Pattern RETURNED = Pattern.compile("(?im)^[ \\t]*(?:"
            + "-+ ?Below this line is a copy of the message\\.?"
            + "|-+ This is a copy of the message.*"
            + "|-+ ?Original message ?-*"
            + "|Original message headers:"
            + "|-+ ?(?:The )?(?:original|returned|undelivered) message(?: headers?)? (?:follows?|is following)\\.?[ -]*"
            + ")[ \\t]*$");

    private UnstructuredBounce() {
    }

    record Parsed(List<RecipientStatus> recipients, Optional<String> reportingMta, Optional<InternetHeaders> returnedHeaders) {
    }

    private record Format(Pattern detect, DeliveryAction action, Pattern block, Pattern entry) {
    }

    private static final List<Format> FORMATS = List.of(
            // qmail: "<a@b>:" then the diagnostic lines, one paragraph per recipient
            new Format(Pattern.compile("(?i)qmail-send program|wasn't able to deliver your message to the following addresses"),
                    DeliveryAction.FAILED,
                    Pattern.compile("(?s)following addresses\\.?.*?\\n\\s*\\n(.*?)(?:\\n-+ ?Below this line|\\z)"),
                    Pattern.compile("(?m)^<([^>\\s]+@[^>\\s]+)>:[ \\t]*\\n((?:[ \\t]*\\S.*(?:\\n|\\z))*)")),
            // Exim delay warning: "...has not yet been delivered to one or more of its recipients..."
            new Format(Pattern.compile("(?i)has not yet been delivered to one or more of its\\s+recipients"),
                    DeliveryAction.DELAYED,
                    Pattern.compile("(?is)not yet been delivered (?:is|are):\\s*\\n(.*?)(?:\\n\\s*no action is required|\\z)"),
                    Pattern.compile("(?m)^[ \\t]{1,3}(\\S+@\\S+)[ \\t]*\\n((?:[ \\t]{4,}.*(?:\\n|\\z))*)")),
            // Exim (older, plain text): "The following address(es) failed:" then indented blocks
            new Format(Pattern.compile("(?i)following address(?:\\(es\\)|es)? failed"),
                    DeliveryAction.FAILED,
                    Pattern.compile("(?is)address(?:\\(es\\)|es)? failed:\\s*\\n(.*?)(?:\\n-{3,}|\\z)"),
                    Pattern.compile("(?m)^[ \\t]{1,3}(\\S+@\\S+)[ \\t]*\\n((?:[ \\t]{4,}.*(?:\\n|\\z))*)")),
            // Gmail, older plain-text notices
            new Format(Pattern.compile("(?i)delivery to the following recipients? failed permanently"),
                    DeliveryAction.FAILED,
                    Pattern.compile("(?is)failed permanently:\\s*\\n(.*?)(?:\\n-{3,}|\\z)"),
                    Pattern.compile("(?m)^[ \\t]+(\\S+@\\S+)[ \\t]*\\n((?:(?![ \\t]+\\S+@\\S+[ \\t]*$).*(?:\\n|\\z))*)")),
            new Format(Pattern.compile("(?i)delivery to the following recipients? has been delayed"),
                    DeliveryAction.DELAYED,
                    Pattern.compile("(?is)has been delayed:\\s*\\n(.*?)(?:\\n-{3,}|\\z)"),
                    Pattern.compile("(?m)^[ \\t]+(\\S+@\\S+)[ \\t]*\\n((?:(?![ \\t]+\\S+@\\S+[ \\t]*$).*(?:\\n|\\z))*)")),
            // Exchange 2007+: address line, then "#550 5.1.1 ... ##" under "Diagnostic information"
            new Format(Pattern.compile("(?i)delivery has failed to these recipients or groups"),
                    DeliveryAction.FAILED,
                    Pattern.compile("(?is)diagnostic information for administrators:(.*?)(?:\\noriginal message headers:|\\z)"),
                    Pattern.compile("(?m)^[ \\t]*(\\S+@\\S+)[ \\t]*\\n[ \\t]*(#.*##|#.*)$")),
            // Exchange 2003: "'a@b' on <date>" then the explanation and "<host #5.1.1>"
            new Format(Pattern.compile("(?i)following recipient\\(s\\) (?:could|cannot|can't) (?:not )?be reached"),
                    DeliveryAction.FAILED,
                    Pattern.compile("(?is)could not be reached:\\s*\\n(.*?)(?:\\n-{3,}|\\z)|cannot be reached:\\s*\\n(.*?)(?:\\n-{3,}|\\z)"),
                    Pattern.compile("(?m)^[ \\t]+'?([^'\\s]+@[^'\\s]+?)'?[ \\t]+on[ \\t].*\\n((?:[ \\t]{2,}\\S.*(?:\\n|\\z))*)")));

    static Parsed parse(String text, List<String> failedRecipientsHeader) {
        String body = text.replace("\r\n", "\n");
        Matcher returnedAt = RETURNED.matcher(body);
        int cut = returnedAt.find() ? returnedAt.start() : body.length();
        String report = body.substring(0, cut);
        Optional<InternetHeaders> returned = cut < body.length() ? headers(body.substring(returnedAt.end())) : Optional.empty();

        Map<String, RecipientStatus> recipients = new LinkedHashMap<>();
        for (Format format : FORMATS) {
            if (!format.detect.matcher(report).find()) {
                continue;
            }
            Matcher block = format.block.matcher(report);
            String section = report;
            if (block.find()) {
                section = block.group(1) != null ? block.group(1) : block.groupCount() > 1 && block.group(2) != null ? block.group(2) : report;
            }
            Matcher entry = format.entry.matcher(section.endsWith("\n") ? section : section + "\n");
            while (entry.find()) {
                String address = clean(entry.group(1));
                String diagnostic = entry.groupCount() > 1 && entry.group(2) != null ? entry.group(2).replaceAll("\\s+", " ").strip() : "";
                if (!ADDRESS.matcher(address).matches()) {
                    continue;
                }
                recipients.putIfAbsent(address.toLowerCase(Locale.ROOT),
                        status(address, format.action, diagnostic, remoteMta(diagnostic)));
            }
            if (!recipients.isEmpty()) {
                break;
            }
        }
        if (recipients.isEmpty()) {
            for (String value : failedRecipientsHeader) {
                Matcher m = ADDRESS.matcher(value);
                while (m.find()) {
                    recipients.putIfAbsent(m.group().toLowerCase(Locale.ROOT),
                            status(m.group(), DeliveryAction.FAILED, firstDiagnosticLine(report), Optional.empty()));
                }
            }
        }
        return new Parsed(new ArrayList<>(recipients.values()), reportingMta(report), returned);
    }

    private static RecipientStatus status(String address, DeliveryAction action, String diagnostic, Optional<String> remote) {
        Optional<String> status = BounceParser.statusCode(diagnostic);
        if (status.isEmpty()) {
            Matcher code = SMTP_CODE.matcher(diagnostic);
            status = Optional.of(code.find() ? code.group(1) + ".0.0" : action == DeliveryAction.DELAYED ? "4.0.0" : "5.0.0");
        }
        return new RecipientStatus(address, Optional.empty(), action, status,
                diagnostic.isEmpty() ? Optional.empty() : Optional.of(diagnostic), remote);
    }

    private static String clean(String address) {
        return address.replaceAll("^[<'\"]+|[>'\":.,]+$", "");
    }

    private static Optional<String> remoteMta(String diagnostic) {
        Matcher host = Pattern.compile("(?i)\\bhost ([A-Za-z0-9.-]+\\.[A-Za-z]{2,})\\b|\\bby ([A-Za-z0-9.-]+\\.[A-Za-z]{2,})\\.? \\[|<([A-Za-z0-9.-]+\\.[A-Za-z]{2,}) #")
                .matcher(diagnostic);
        if (!host.find()) {
            return Optional.empty();
        }
        for (int g = 1; g <= host.groupCount(); g++) {
            if (host.group(g) != null) {
                return Optional.of(host.group(g));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> reportingMta(String report) {
        Matcher m = Pattern.compile("(?i)qmail-send program at ([A-Za-z0-9.-]+)|Generating server: ([A-Za-z0-9.-]+)|"
                + "mail delivery software[^\\n]*\\n(?:.*\\n){0,3}?.*\\bon host ([A-Za-z0-9.-]+)").matcher(report);
        if (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    return Optional.of(m.group(g).replaceAll("\\.$", ""));
                }
            }
        }
        return Optional.empty();
    }

    private static String firstDiagnosticLine(String report) {
        for (String line : report.split("\n")) {
            if (BounceParser.statusCode(line).isPresent() || SMTP_CODE.matcher(line).find()) {
                return line.strip();
            }
        }
        return "";
    }

    private static Optional<InternetHeaders> headers(String rest) {
        String trimmed = rest.replaceFirst("^\\s*\\n", "").replaceFirst("^\\s+", "");
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.UTF_8)), true);
            return headers.getAllHeaderLines().hasMoreElements() ? Optional.of(headers) : Optional.empty();
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }
}
