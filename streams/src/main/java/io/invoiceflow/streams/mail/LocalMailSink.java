package io.invoiceflow.streams.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The embedded default "mail server": every message is stored as an {@code .eml} file in one
 * directory instead of being sent, so a new installation shows what it would have sent
 * ({@code GET /dev/mailbox}). Files are written completely under a temporary name, forced to disk
 * and then renamed, so a listing never shows a partial message. The newest {@code keep} messages
 * are kept; older ones are deleted. A {@code Return-Path} header records the envelope sender.
 */
public final class LocalMailSink implements MailTransport {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMailSink.class);
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{9}Z-\\d{6}-[0-9a-f]{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final int keep;
    private final MailComposer composer;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicInteger sequence = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    public LocalMailSink(Path directory, Clock clock, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("INVOICEFLOW_MAILBOX_KEEP must be at least 1");
        }
        this.directory = directory;
        this.clock = clock;
        this.keep = keep;
        this.composer = new MailComposer(clock);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public SendOutcome send(OutgoingMail mail) {
        String messageId = mail.identity().messageId();
        byte[] message = composer.toBytes(session, mail);
        String returnPath = mail.identity().envelopeSender().orElse(mail.from().address());
        String id = STAMP.format(clock.instant()) + "-" + String.format("%06d", sequence.incrementAndGet() % 1_000_000)
                + "-" + HexFormat.of().formatHex(randomBytes());
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".incoming-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                     OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                    out.write(("Return-Path: <" + returnPath + ">\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(message);
                    out.flush();
                    channel.force(true);
                }
                Files.move(temp, directory.resolve(id + ".eml"), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            prune();
            return new Accepted(messageId, new SmtpReply(250, "2.0.0 stored in the local mailbox as " + id));
        } catch (IOException e) {
            LOG.warn("the local mail sink cannot store {} in {}: {}", messageId, directory, e.toString());
            return new TemporaryFailure(messageId, MailError.MAIL_SINK_FAILED, "the message could not be stored in the local mailbox "
                    + directory + ": " + e.getClass().getSimpleName(), Optional.empty(), List.of());
        }
    }

    /** The newest {@code limit} messages, newest first. */
    public List<StoredMail> list(int limit) {
        List<StoredMail> out = new ArrayList<>();
        for (Path file : files().stream().limit(Math.max(0, limit)).toList()) {
            read(file).ifPresent(out::add);
        }
        return out;
    }

    /** One stored message's summary; empty if there is none with this id (or the id is malformed). */
    public Optional<StoredMail> find(String id) {
        return valid(id) ? read(directory.resolve(id + ".eml")) : Optional.empty();
    }

    /** One stored message's raw bytes ({@code message/rfc822}); empty if there is none with this id. */
    public Optional<byte[]> content(String id) {
        if (!valid(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(directory.resolve(id + ".eml")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the stored message " + id, e);
        }
    }

    private static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.eml")) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (valid(name.substring(0, name.length() - 4))) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the local mailbox " + directory, e);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    private void prune() throws IOException {
        List<Path> files = files();
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private Optional<StoredMail> read(Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            InternetHeaders headers = new InternetHeaders(in, true);
            List<String> to = new ArrayList<>();
            for (String field : new String[]{"To", "Cc"}) {
                String value = headers.getHeader(field, ",");
                if (value != null) {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        to.add(display(a));
                    }
                }
            }
            String date = headers.getHeader("Date", null);
            Optional<java.time.Instant> sent = Optional.empty();
            if (date != null) {
                try {
                    sent = Optional.of(new MailDateFormat().parse(date).toInstant());
                } catch (ParseException e) {
                    sent = Optional.empty();
                }
            }
            return Optional.of(new StoredMail(name.substring(0, name.length() - 4), name, header(headers, "Message-ID"),
                    from(header(headers, "From")), to, decode(header(headers, "Subject")), sent, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // pruned meanwhile
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read the stored message " + name, e);
        }
    }

    private static String display(InternetAddress a) {
        return a.getPersonal() == null ? a.getAddress() : a.getPersonal() + " <" + a.getAddress() + ">";
    }

    private static String from(String value) {
        try {
            InternetAddress[] all = InternetAddress.parseHeader(value, false);
            return all.length == 0 ? decode(value) : display(all[0]);
        } catch (jakarta.mail.internet.AddressException e) {
            return decode(value);
        }
    }

    private static String header(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return value == null ? "" : value.strip();
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    private byte[] randomBytes() {
        byte[] b = new byte[2];
        random.nextBytes(b);
        return b;
    }
}
