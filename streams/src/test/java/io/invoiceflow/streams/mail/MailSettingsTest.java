package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.bounce.BounceMailboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    @Test
    void shouldUseTheLocalMailSink_whenNoSmtpHostIsConfigured(@TempDir Path data) {
        // given no settings at all
        MailSettings settings = MailSettings.load(Map.of());

        // when the mailer starts
        try (Mailer mailer = Mailer.start(settings, data, Clock.systemUTC())) {
            // then the system sender is the local sink under the data directory
            assertThat(settings.systemAccount()).isEmpty();
            assertThat(settings.allowPrivateHosts()).isFalse();
            assertThat(settings.transport().heloName()).isEqualTo("localhost.localdomain");
            assertThat(mailer.mailbox()).isPresent();
            assertThat(mailer.system().send(io.invoiceflow.streams.testing.TestMails.mail(UUID.randomUUID(),
                    List.of("post@bryggen.test"), List.of()))).isInstanceOf(Accepted.class);
            assertThat(mailer.mailbox().orElseThrow().directory()).isEqualTo(data.resolve("mailbox"));
            assertThat(mailer.mailbox().orElseThrow().list(5)).hasSize(1);
        }
    }

    @Test
    void shouldBuildTheSystemSender_whenSmtpHostAndFromAreConfigured(@TempDir Path data) {
        // given a full system sender configuration
        MailSettings settings = MailSettings.load(Map.of("INVOICEFLOW_SMTP_HOST", "smtp.example.com", "INVOICEFLOW_SMTP_PORT", "465",
                "INVOICEFLOW_SMTP_FROM", "Example Faktura <faktura@example.com>", "INVOICEFLOW_SMTP_USER", "faktura",
                "INVOICEFLOW_SMTP_PASSWORD", "pw", "INVOICEFLOW_SMTP_ENCRYPTION", "ssl/tls", "INVOICEFLOW_BOUNCE_ADDRESS", "bounces@example.com"));

        // then the account is complete, AUTO-free, and the HELO name defaults to the From domain
        SmtpAccount system = settings.systemAccount().orElseThrow();
        assertThat(system.host()).isEqualTo("smtp.example.com");
        assertThat(system.port()).isEqualTo(465);
        assertThat(system.from()).isEqualTo(MailAddress.of("faktura@example.com", "Example Faktura"));
        assertThat(system.encryption()).isEqualTo(Encryption.SSL_TLS);
        assertThat(settings.transport().heloName()).isEqualTo("example.com");
        assertThat(settings.bounceAddress()).contains("bounces@example.com");
        try (Mailer mailer = Mailer.start(settings, data, Clock.systemUTC())) {
            assertThat(mailer.mailbox()).isEmpty();
            assertThat(mailer.system()).isInstanceOf(SmtpMailTransport.class);
        }
    }

    @Test
    void shouldNameTheSetting_whenAValueIsInvalid() {
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_SMTP_HOST", "smtp.example.com")))
                .hasMessageContaining("INVOICEFLOW_SMTP_FROM");
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_SMTP_HOST", "smtp.example.com", "INVOICEFLOW_SMTP_FROM", "a@b.test",
                "INVOICEFLOW_SMTP_PORT", "99999"))).hasMessageContaining("INVOICEFLOW_SMTP_PORT");
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_SMTP_HOST", "smtp.example.com", "INVOICEFLOW_SMTP_FROM", "a@b.test",
                "INVOICEFLOW_SMTP_ENCRYPTION", "TLS1"))).hasMessageContaining("INVOICEFLOW_SMTP_ENCRYPTION");
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_SMTP_HOST", "smtp.example.com", "INVOICEFLOW_SMTP_FROM", "a@b.test",
                "INVOICEFLOW_SMTP_USER", "kari"))).hasMessageContaining("INVOICEFLOW_SMTP_PASSWORD");
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_BOUNCE_ADDRESS", "bounces+x@example.com")))
                .hasMessageContaining("INVOICEFLOW_BOUNCE_ADDRESS");
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS", "yes")))
                .hasMessageContaining("INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS");
        assertThatThrownBy(() -> MailSettings.load(Map.of("INVOICEFLOW_SMTP_FROM", "not an address")))
                .hasMessageContaining("INVOICEFLOW_SMTP_FROM");
    }

    @Test
    void shouldReadTheBounceMailbox_onlyWhenAnImapHostIsConfigured() {
        assertThat(BounceMailboxSettings.load(Map.of())).isEmpty();
        BounceMailboxSettings settings = BounceMailboxSettings.load(Map.of("INVOICEFLOW_BOUNCE_IMAP_HOST", "imap.example.com",
                "INVOICEFLOW_BOUNCE_IMAP_USER", "bounces", "INVOICEFLOW_BOUNCE_IMAP_PASSWORD", "pw",
                "INVOICEFLOW_BOUNCE_IMAP_PROCESSED_FOLDER", "-")).orElseThrow();
        assertThat(settings.port()).isEqualTo(993);
        assertThat(settings.encryption()).isEqualTo(Encryption.SSL_TLS);
        assertThat(settings.folder()).isEqualTo("INBOX");
        assertThat(settings.processedFolder()).isEmpty();
        assertThat(settings.toString()).doesNotContain("pw,");
        assertThatThrownBy(() -> BounceMailboxSettings.load(Map.of("INVOICEFLOW_BOUNCE_IMAP_HOST", "imap.example.com")))
                .hasMessageContaining("INVOICEFLOW_BOUNCE_IMAP_USER");
    }

    @Test
    void shouldPollTheBounceMailboxEvery30Seconds_unlessAnotherIntervalFrom1To3600IsSet() {
        Map<String, String> mailbox = Map.of("INVOICEFLOW_BOUNCE_IMAP_HOST", "imap.example.com",
                "INVOICEFLOW_BOUNCE_IMAP_USER", "bounces");
        assertThat(BounceMailboxSettings.KEYS).containsEntry("INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS", "30");
        assertThat(BounceMailboxSettings.load(mailbox).orElseThrow().pollInterval()).isEqualTo(Duration.ofSeconds(30));
        for (String seconds : List.of("1", "3600")) {
            assertThat(BounceMailboxSettings.load(with(mailbox, "INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS", seconds))
                    .orElseThrow().pollInterval()).isEqualTo(Duration.ofSeconds(Long.parseLong(seconds)));
        }
        for (String wrong : List.of("0", "3601", "-5", "ten", "1.5")) {
            assertThatThrownBy(() -> BounceMailboxSettings.load(with(mailbox, "INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS", wrong)))
                    .as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("INVOICEFLOW_BOUNCE_IMAP_POLL_SECONDS").hasMessageContaining("from 1 to 3600");
        }
    }

    private static Map<String, String> with(Map<String, String> values, String key, String value) {
        Map<String, String> all = new HashMap<>(values);
        all.put(key, value);
        return all;
    }
}
