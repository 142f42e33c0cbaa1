package io.invoiceflow.streams.mail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.invoiceflow.streams.secrets.HostPolicy;
import io.invoiceflow.streams.secrets.Secret;
import io.invoiceflow.streams.secrets.SecretBox;
import io.invoiceflow.streams.testing.ScriptedSmtpServer;
import io.invoiceflow.streams.testing.ScriptedSmtpServer.Stage;
import io.invoiceflow.streams.testing.TestMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marker password goes through every path that handles it (login accepted, login refused by a
 * server that echoes the AUTH exchange, test email, sealing, settings) with every logger at its
 * most verbose level, Jakarta Mail's protocol trace included; it must appear in no log line, no
 * exception text, no outcome and no string form of a value.
 */
class SecretCanaryIT {
    private static final String CANARY = "CANARY-7f3e9a-Pw!";
    private static final String USER = "kari@fjordkraft.test";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> julLines = new CopyOnWriteArrayList<>();
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            julLines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final java.util.logging.Logger angusLogger = java.util.logging.Logger.getLogger("org.eclipse.angus");
    private final java.util.logging.Logger mailLogger = java.util.logging.Logger.getLogger("jakarta.mail");
    private Level rootLevel;
    private ScriptedSmtpServer server;

    @BeforeEach
    void captureEverything() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("io.invoiceflow")).setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
        for (java.util.logging.Logger l : List.of(angusLogger, mailLogger)) {
            l.setLevel(java.util.logging.Level.ALL);
            l.addHandler(julHandler);
        }
        server = new ScriptedSmtpServer().extensions("AUTH LOGIN PLAIN", "DSN").echoAuth();
    }

    @AfterEach
    void restore() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("io.invoiceflow")).setLevel(Level.INFO);
        for (java.util.logging.Logger l : List.of(angusLogger, mailLogger)) {
            l.removeHandler(julHandler);
            l.setLevel(null);
        }
        server.close();
    }

    @Test
    void shouldNeverRevealThePassword_whenItGoesThroughEveryPath(@TempDir Path dataDir) throws Exception {
        List<String> texts = new ArrayList<>();
        SmtpAccount account = new SmtpAccount("tenant account", Optional.of("Fjordkraft"), "faktura@fjordkraft.test",
                Optional.of(USER), Secret.of(CANARY), "127.0.0.1", server.port(), Encryption.NONE);
        try (SmtpMailer mailer = new SmtpMailer(TestMails.settings(), HostPolicy.of(true), Clock.systemUTC())) {
            // a login the server accepts, then a send
            SendOutcome ok = mailer.transport(account).send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));
            assertThat(ok).isInstanceOf(Accepted.class);
            texts.add(ok.toString());

            // a login refused by a server that echoes what it got (LOGIN, then PLAIN)
            server.reply(Stage.AUTH, "535 5.7.8 Error: authentication failed");
            SmtpAccount other = new SmtpAccount("second", Optional.empty(), "faktura@fjordkraft.test", Optional.of("other-user"),
                    Secret.of(CANARY), "127.0.0.1", server.port(), Encryption.NONE);
            SendOutcome refused = mailer.transport(other).send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));
            assertThat(refused).isInstanceOfSatisfying(PermanentFailure.class, f -> {
                assertThat(f.error()).isEqualTo(MailError.SMTP_AUTH_FAILED);
                assertThat(f.detail()).contains("you sent: AUTH LOGIN").contains("[redacted]");
            });
            texts.add(refused.toString());
            server.extensions("AUTH PLAIN", "DSN");
            TestEmailResult test = mailer.sendTestEmail(other, MailAddress.of("kari@fjordkraft.test"));
            assertThat(test.explanation()).contains("you sent: AUTH PLAIN").contains("[redacted]");
            texts.add(test.toString());
        }
        // the server did receive the password (so the test exercised real logins)
        assertThat(String.join("\n", server.commands())).contains(Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)));

        // values and settings in string form
        texts.add(account.toString());
        texts.add(MailSettings.load(java.util.Map.of("INVOICEFLOW_SMTP_HOST", "smtp.example.com", "INVOICEFLOW_SMTP_FROM",
                "faktura@example.com", "INVOICEFLOW_SMTP_USER", USER, "INVOICEFLOW_SMTP_PASSWORD", CANARY)).toString());

        // sealed at rest, and a failed opening
        SecretBox box = SecretBox.fromKeyFile(dataDir);
        String sealed = box.seal(Secret.of(CANARY), "smtp-account:t1:tenant account");
        texts.add(sealed);
        try {
            box.open(sealed, "smtp-account:t2:tenant account");
        } catch (RuntimeException e) {
            texts.add(stackTrace(e));
        }

        // then the marker appears nowhere: not in clear, not base64-encoded
        List<String> logLines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            logLines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        assertThat(julLines).as("Jakarta Mail protocol trace").isNotEmpty();
        String everything = String.join("\n", texts) + String.join("\n", logLines) + String.join("\n", julLines);
        for (String form : forms()) {
            assertThat(everything).doesNotContain(form);
        }
        assertThat(Files.readString(dataDir.resolve(SecretBox.KEY_FILE))).doesNotContain(CANARY);
    }

    /** The password in clear and in the base64 forms AUTH LOGIN and AUTH PLAIN send. */
    private static List<String> forms() {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(CANARY,
                b64.encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + USER + "\0" + CANARY).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0other-user\0" + CANARY).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("other-user\0other-user\0" + CANARY).getBytes(StandardCharsets.UTF_8)));
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
