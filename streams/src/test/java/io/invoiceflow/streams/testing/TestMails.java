package io.invoiceflow.streams.testing;

import io.invoiceflow.streams.bounce.JobTokens;
import io.invoiceflow.streams.mail.Attachment;
import io.invoiceflow.streams.mail.Encryption;
import io.invoiceflow.streams.mail.MailAddress;
import io.invoiceflow.streams.mail.OutgoingMail;
import io.invoiceflow.streams.mail.SmtpAccount;
import io.invoiceflow.streams.mail.SmtpTransportSettings;
import io.invoiceflow.streams.secrets.Secret;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/** Sample accounts, keys and messages for tests. */
public final class TestMails {
    /** A fixed test key (never an installation's). */
    public static final JobTokens TOKENS = new JobTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    public static final String BOUNCE_ADDRESS = "bounces@invoiceflow.test";

    private TestMails() {
    }

    public static SmtpAccount account(int port) {
        return new SmtpAccount("test", Optional.of("Fjordkraft Regnskap AS"), "faktura@fjordkraft.test", Optional.empty(),
                Secret.empty(), "127.0.0.1", port, Encryption.NONE);
    }

    public static SmtpAccount account(int port, String user, String password, Encryption encryption) {
        return new SmtpAccount("test", Optional.of("Fjordkraft Regnskap AS"), "faktura@fjordkraft.test", Optional.of(user),
                Secret.of(password), "127.0.0.1", port, encryption);
    }

    /** Short timeouts so failure tests end quickly; the pool settings of production otherwise. */
    public static SmtpTransportSettings settings() {
        return SmtpTransportSettings.defaults("client.invoiceflow.test")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** A PDF-like attachment of {@code size} bytes (all 256 byte values occur). */
    public static byte[] pdf(int size) {
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        System.arraycopy(head, 0, body, 0, Math.min(head.length, size));
        return body;
    }

    public static OutgoingMail mail(UUID jobId, List<String> to, List<String> cc) {
        return mail(jobId, to, cc, pdf(2_000));
    }

    public static OutgoingMail mail(UUID jobId, List<String> to, List<String> cc, byte[] pdf) {
        return new OutgoingMail(TOKENS.identity(jobId, "fjordkraft.test", Optional.of(BOUNCE_ADDRESS)),
                MailAddress.of("faktura@fjordkraft.test", "Fjordkraft Regnskap AS"), Optional.of(MailAddress.of("kari@fjordkraft.test")),
                to.stream().map(a -> MailAddress.of(a, "Bryggen Bakeri ÆØÅ")).toList(), cc.stream().map(MailAddress::of).toList(),
                "Faktura INV-1001 fra Fjordkraft Regnskap AS – forfall 14.12.",
                "Hei Bryggen Bakeri!\n\nVedlagt finner du faktura INV-1001 på kr 854,28. Forfall 14.12.2026.\nKID: 0012345678\n",
                "<p>Hei Bryggen Bakeri!</p><p>Vedlagt finner du faktura <b>INV-1001</b> på kr 854,28.</p>",
                List.of(Attachment.pdf("Faktura INV-1001 – Bryggen.pdf", pdf)));
    }
}
