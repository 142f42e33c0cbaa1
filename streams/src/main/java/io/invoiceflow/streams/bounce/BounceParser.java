package io.invoiceflow.streams.bounce;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message from the bounce mailbox: an RFC 3464 DSN ({@code multipart/report;
 * report-type=delivery-status}, parsed with Angus' {@code dsn} package), an RFC 6533 global DSN
 * ({@code message/global-delivery-status}, which that package does not handle: parsed here as
 * UTF-8), a non-standard bounce recognized by its wording ({@link UnstructuredBounce}), an
 * automatic reply, or something else. Never throws for a malformed message: it becomes
 * {@link BounceKind#OTHER}.
 *
 * <p>Correlation, in this order, counting only genuine {@link JobTokens}: the VERP token in the
 * address the report was delivered to (the envelope recipient if the caller knows it, then
 * {@code Delivered-To}, {@code X-Original-To}, {@code Envelope-To}, {@code X-Envelope-To},
 * {@code To}), the DSN's ENVID, the returned message's Message-ID, its {@code X-Invoiceflow-Job}.
 */
public final class BounceParser {
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
    private static final Pattern UTF8_ESCAPE = Pattern.compile("\\\\x\\{([0-9A-Fa-f]{1,6})}");
    private static final Pattern XTEXT = Pattern.compile("\\+([0-9A-Fa-f]{2})");
    private static final Pattern BOUNCE_SENDER = Pattern.compile("(?i)^(mailer-daemon|mailer_daemon|mail-daemon|mailerdaemon|postmaster|mdaemon)(@.*)?$");
    private static final Pattern BOUNCE_NAME = Pattern.compile("(?i)mail delivery (sub)?system|mail administrator|microsoft outlook|postmaster");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)(undeliver|delivery status notification|delivery (failure|has failed|failed)"
            + "|mail delivery (failed|failure)|returned mail|failure notice|non[- ]?delivery|could not be delivered|warning: message .* delayed"
            + "|delayed mail|delivery delayed|returned to sender)");
    private static final Pattern AUTO_SUBJECT = Pattern.compile("(?i)^(auto(matic)?[ :-]*(reply|response|svar|antwort)|out of (the )?office"
            + "|autosvar|frånvaro|fravær|abwesenheit|absence|vacation|ferie)");
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 200;

    private final JobTokens tokens;
    private final Session session;

    public BounceParser(JobTokens tokens) {
        this.tokens = tokens;
        Properties p = new Properties();
        p.put("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(p);
    }

    public BounceReport parse(byte[] raw) {
        return parse(raw, Optional.empty());
    }

    /**
     * @param raw               the whole message as received
     * @param envelopeRecipient the address it was delivered to, if the caller knows it (an MTA pipe
     *                          or webhook does; IMAP does not)
     */
    public BounceReport parse(byte[] raw, Optional<String> envelopeRecipient) {
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return unreadable();
        }
        String subject = decode(header(message, "Subject"));
        String from = decode(header(message, "From"));
        Scan scan = new Scan();
        try {
            walk(message, scan, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            // a malformed part: keep what was found before it
        }
        BounceKind kind;
        List<RecipientStatus> recipients = new ArrayList<>();
        Optional<String> reportingMta = Optional.empty();
        Optional<String> envelopeId = Optional.empty();
        Optional<Map<String, String>> returned = Optional.ofNullable(scan.returned);
        if (scan.status != null && !scan.status.isEmpty()) {
            kind = scan.global ? BounceKind.GLOBAL_DSN : BounceKind.DSN;
            Map<String, String> perMessage = scan.status.get(0);
            reportingMta = Optional.ofNullable(perMessage.get("reporting-mta")).map(BounceParser::stripType);
            envelopeId = Optional.ofNullable(perMessage.get("original-envelope-id")).map(BounceParser::xtextDecode);
            for (Map<String, String> group : scan.status.subList(1, scan.status.size())) {
                recipient(group).ifPresent(recipients::add);
            }
        } else if (looksLikeBounce(message, subject, from)) {
            kind = BounceKind.UNSTRUCTURED;
            String text = scan.text.length() > 0 ? scan.text.toString() : scan.html.toString();
            UnstructuredBounce.Parsed parsed = UnstructuredBounce.parse(text, headerValues(message, "X-Failed-Recipients"));
            recipients.addAll(parsed.recipients());
            reportingMta = parsed.reportingMta();
            if (returned.isEmpty()) {
                returned = parsed.returnedHeaders().map(BounceParser::headerMap);
            }
        } else if (looksLikeAutoReply(message, subject)) {
            kind = BounceKind.AUTO_REPLY;
        } else {
            kind = BounceKind.OTHER;
        }

        Optional<String> messageId = returned.map(h -> h.get("message-id")).map(String::strip)
                .or(() -> Optional.ofNullable(header(message, "In-Reply-To")).map(String::strip).filter(s -> !s.isEmpty()));
        Optional<String> jobHeader = returned.map(h -> h.get("x-invoiceflow-job")).map(String::strip);
        List<String> verpCandidates = verpCandidates(message, envelopeRecipient);
        Optional<String> verified = verpCandidates.stream().filter(a -> tokens.fromVerpAddress(a).isPresent()).findFirst();
        CorrelationKeys keys = new CorrelationKeys(verified.or(() -> verpCandidates.stream().findFirst()), envelopeId, messageId, jobHeader);
        return new BounceReport(kind, correlate(keys), keys, recipients, reportingMta, subject, from);
    }

    private Optional<JobMatch> correlate(CorrelationKeys keys) {
        Optional<UUID> job = keys.verpAddress().flatMap(tokens::fromVerpAddress);
        if (job.isPresent()) {
            return Optional.of(new JobMatch(job.get(), CorrelatedBy.VERP));
        }
        job = keys.envelopeId().flatMap(tokens::verify);
        if (job.isPresent()) {
            return Optional.of(new JobMatch(job.get(), CorrelatedBy.ENVID));
        }
        job = keys.originalMessageId().flatMap(tokens::fromMessageId);
        if (job.isPresent()) {
            return Optional.of(new JobMatch(job.get(), CorrelatedBy.MESSAGE_ID));
        }
        return keys.jobHeader().flatMap(tokens::verify).map(id -> new JobMatch(id, CorrelatedBy.JOB_HEADER));
    }

    private static BounceReport unreadable() {
        return new BounceReport(BounceKind.OTHER, Optional.empty(),
                new CorrelationKeys(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), List.of(),
                Optional.empty(), "", "");
    }

    /** What a walk over the MIME tree found. */
    private static final class Scan {
        List<Map<String, String>> status;
        boolean global;
        Map<String, String> returned;
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        int parts;
    }

    private void walk(Part part, Scan scan, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || scan.parts++ > MAX_PARTS) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), scan, depth + 1);
            }
        } else if (part.isMimeType("message/delivery-status") && scan.status == null) {
            try (InputStream in = part.getInputStream()) {
                scan.status = groups(new DeliveryStatus(in));
            }
        } else if (part.isMimeType("message/global-delivery-status") && scan.status == null) {
            try (InputStream in = part.getInputStream()) {
                scan.status = parseGroups(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                scan.global = true;
            }
        } else if ((part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers")
                || part.isMimeType("message/rfc822") || part.isMimeType("message/global")) && scan.returned == null) {
            try (InputStream in = part.getInputStream()) {
                scan.returned = headerMap(new InternetHeaders(in, true));
            }
        } else if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            scan.text.append(text(part)).append('\n');
        } else if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            scan.html.append(htmlToText(text(part))).append('\n');
        }
    }

    private static List<Map<String, String>> groups(DeliveryStatus status) {
        List<Map<String, String>> groups = new ArrayList<>();
        groups.add(headerMap(status.getMessageDSN()));
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            groups.add(headerMap(status.getRecipientDSN(i)));
        }
        return groups;
    }

    /**
     * The RFC 6533 fallback: a {@code message/global-delivery-status} body is the RFC 3464 field
     * syntax in UTF-8: groups of fields separated by blank lines, continuation lines folded in.
     */
    static List<Map<String, String>> parseGroups(String body) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : body.split("\\r?\\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new LinkedHashMap<>();
                }
                lastKey = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                current.merge(lastKey, " " + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastKey = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    current.putIfAbsent(lastKey, line.substring(colon + 1).strip());
                }
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static Optional<RecipientStatus> recipient(Map<String, String> group) {
        Optional<String> finalRecipient = Optional.ofNullable(group.get("final-recipient")).map(BounceParser::stripType);
        Optional<String> original = Optional.ofNullable(group.get("original-recipient")).map(BounceParser::stripType);
        Optional<String> address = finalRecipient.or(() -> original);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> status = Optional.ofNullable(group.get("status")).flatMap(BounceParser::statusCode);
        Optional<DeliveryAction> action = DeliveryAction.parse(group.get("action"));
        if (action.isEmpty()) {
            action = status.map(s -> switch (s.charAt(0)) {
                case '5' -> DeliveryAction.FAILED;
                case '4' -> DeliveryAction.DELAYED;
                default -> DeliveryAction.DELIVERED;
            });
        }
        if (action.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipientStatus(address.get(), original, action.get(), status,
                Optional.ofNullable(group.get("diagnostic-code")).map(BounceParser::stripType),
                Optional.ofNullable(group.get("remote-mta")).map(BounceParser::stripType)));
    }

    static Optional<String> statusCode(String text) {
        Matcher m = STATUS.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code "rfc822; a@b"} -> {@code "a@b"}; {@code utf-8} addresses get their {@code \x{..}} escapes decoded. */
    private static String stripType(String value) {
        String v = value.strip();
        int semicolon = v.indexOf(';');
        if (semicolon > 0 && semicolon < 20 && v.substring(0, semicolon).matches("[A-Za-z0-9-]+")) {
            v = v.substring(semicolon + 1).strip();
        }
        Matcher m = UTF8_ESCAPE.matcher(v);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(Integer.parseInt(m.group(1), 16)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String xtextDecode(String value) {
        Matcher m = XTEXT.matcher(value.strip());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static Map<String, String> headerMap(InternetHeaders headers) {
        Map<String, String> map = new LinkedHashMap<>();
        Enumeration<Header> all = headers.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            map.putIfAbsent(h.getName().toLowerCase(Locale.ROOT),
                    MimeUtility.unfold(h.getValue() == null ? "" : h.getValue()).replaceAll("\\s+", " ").strip());
        }
        return map;
    }

    private static boolean looksLikeBounce(MimeMessage m, String subject, String from) {
        String returnPath = header(m, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return true;
        }
        if (header(m, "X-Failed-Recipients") != null) {
            return true;
        }
        Optional<InternetAddress> sender = firstAddress(from);
        boolean daemon = sender.map(a -> BOUNCE_SENDER.matcher(a.getAddress() == null ? "" : a.getAddress()).matches()
                || a.getPersonal() != null && BOUNCE_NAME.matcher(a.getPersonal()).find()).orElse(false);
        return daemon || BOUNCE_SUBJECT.matcher(subject).find() && !looksLikeAutoReply(m, subject);
    }

    private static boolean looksLikeAutoReply(MimeMessage m, String subject) {
        String auto = header(m, "Auto-Submitted");
        return auto != null && auto.strip().toLowerCase(Locale.ROOT).startsWith("auto-replied")
                || header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
                || "auto_reply".equalsIgnoreCase(Optional.ofNullable(header(m, "Precedence")).orElse("").strip())
                || AUTO_SUBJECT.matcher(subject.strip()).find();
    }

    private static List<String> verpCandidates(MimeMessage m, Optional<String> envelopeRecipient) {
        List<String> out = new ArrayList<>();
        envelopeRecipient.ifPresent(out::add);
        for (String name : new String[]{"Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To"}) {
            for (String value : headerValues(m, name)) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null) {
                            out.add(a.getAddress());
                        }
                    }
                } catch (AddressException e) {
                    out.add(value.strip());
                }
            }
        }
        return out.stream().filter(a -> a.indexOf('+') >= 0 && a.indexOf('@') > a.indexOf('+')).toList();
    }

    private static Optional<InternetAddress> firstAddress(String header) {
        try {
            InternetAddress[] all = InternetAddress.parseHeader(header, false);
            return all.length == 0 ? Optional.empty() : Optional.of(all[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ", ");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<String> headerValues(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? List.of() : List.of(values);
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static String decode(String value) {
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).strip();
        } catch (UnsupportedEncodingException e) {
            return value.strip();
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                charset = Charset.forName(MimeUtility.javaCharset(name));
            }
        } catch (RuntimeException | jakarta.mail.internet.ParseException e) {
            charset = StandardCharsets.UTF_8;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    private static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</h\\d>", "\n")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ");
    }
}
