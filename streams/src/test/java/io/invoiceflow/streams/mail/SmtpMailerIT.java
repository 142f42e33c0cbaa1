package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.secrets.HostPolicy;
import io.invoiceflow.streams.testing.ScriptedSmtpServer;
import io.invoiceflow.streams.testing.ScriptedSmtpServer.Stage;
import io.invoiceflow.streams.testing.TestMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP transport against a scripted SMTP server on loopback: outcomes, pooling, reconnects. */
class SmtpMailerIT {
    private ScriptedSmtpServer server;
    private SmtpMailer mailer;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedSmtpServer();
        mailer = new SmtpMailer(TestMails.settings(), HostPolicy.of(true), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        mailer.close();
        server.close();
    }

    private SendOutcome send(List<String> to, List<String> cc) {
        return mailer.transport(TestMails.account(server.port())).send(TestMails.mail(UUID.randomUUID(), to, cc));
    }

    private SendOutcome send() {
        return send(List.of("post@bryggen.test"), List.of());
    }

    @Test
    void shouldAcceptEveryMessageOnOneConnection_whenSendingSeveralInARow() {
        // given a server and one account
        UUID job = UUID.randomUUID();
        OutgoingMail mail = TestMails.mail(job, List.of("post@bryggen.test"), List.of("regnskap@bryggen.test"));
        MailTransport transport = mailer.transport(TestMails.account(server.port()));

        // when five messages are sent one after another
        List<SendOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(transport.send(mail));
        }

        // then all are accepted with the job's Message-ID and the server's reply, over one connection
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o).isInstanceOf(Accepted.class);
            assertThat(o.messageId()).isEqualTo(mail.identity().messageId());
            assertThat(((Accepted) o).reply().code()).isEqualTo(250);
            assertThat(((Accepted) o).reply().text()).startsWith("2.0.0 Ok: queued as Q");
        });
        assertThat(server.connections()).isEqualTo(1);
        assertThat(mailer.connectionsOpened()).isEqualTo(1);
        assertThat(server.received()).hasSize(5);
    }

    @Test
    void shouldSendVerpSenderEnvidAndNotify_whenServerSupportsDsn() {
        // given a server that advertises DSN
        UUID job = UUID.randomUUID();
        OutgoingMail mail = TestMails.mail(job, List.of("post@bryggen.test"), List.of());

        // when a message is sent
        mailer.transport(TestMails.account(server.port())).send(mail);

        // then MAIL FROM carries the VERP sender, RET=HDRS and ENVID; RCPT asks for failure and delay notices
        String token = TestMails.TOKENS.token(job);
        assertThat(server.received().get(0).mailFrom())
                .isEqualTo("MAIL FROM:<bounces+" + token + "@invoiceflow.test> RET=HDRS ENVID=" + token);
        assertThat(server.received().get(0).rcptTo()).containsExactly("RCPT TO:<post@bryggen.test> NOTIFY=FAILURE,DELAY");
        assertThat(server.commands()).anyMatch(c -> c.equals("EHLO client.invoiceflow.test"));
    }

    @Test
    void shouldLeaveOutDsnParameters_whenServerDoesNotSupportDsn() {
        // given a server without the DSN extension (it would refuse unknown MAIL parameters)
        server.extensions("8BITMIME");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is accepted and MAIL FROM / RCPT TO carry no DSN parameters
        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(server.received().get(0).mailFrom()).doesNotContain("ENVID").doesNotContain("RET=");
        assertThat(server.received().get(0).rcptTo()).containsExactly("RCPT TO:<post@bryggen.test>");
    }

    @Test
    void shouldReportTemporaryFailure_whenServerAnswers4xxAtMailFrom() {
        // given a server that defers the sender
        server.reply(Stage.MAIL, "451 4.3.0 Temporary lookup failure");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is a temporary failure with the server's code and text
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_TEMPORARY);
            assertThat(f.reply()).contains(new SmtpReply(451, "4.3.0 Temporary lookup failure"));
        });
    }

    @Test
    void shouldReportRejectedSender_whenServerAnswers5xxAtMailFrom() {
        // given a server that refuses the sender
        server.reply(Stage.MAIL, "553 5.7.1 Sender address rejected: not owned by user");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is a permanent failure naming the sender as the problem
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_REJECTED_SENDER);
            assertThat(f.reply().orElseThrow().code()).isEqualTo(553);
            assertThat(f.reply().orElseThrow().enhancedStatus()).contains("5.7.1");
        });
    }

    @Test
    void shouldReportEachRejectedRecipient_whenEveryRecipientIsRefused() {
        // given a server that knows neither recipient
        server.rcptReply("post@bryggen.test", "550 5.1.1 <post@bryggen.test>: Recipient address rejected: User unknown");
        server.rcptReply("regnskap@bryggen.test", "553 5.1.3 <regnskap@bryggen.test>: bad address syntax");

        // when a message is sent to both
        SendOutcome outcome = send(List.of("post@bryggen.test"), List.of("regnskap@bryggen.test"));

        // then it is a permanent failure listing each recipient with its own code and text; nothing was sent
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_REJECTED_RECIPIENT);
            assertThat(f.rejected()).containsExactly(
                    new RecipientRejection("post@bryggen.test", new SmtpReply(550,
                            "5.1.1 <post@bryggen.test>: Recipient address rejected: User unknown")),
                    new RecipientRejection("regnskap@bryggen.test", new SmtpReply(553,
                            "5.1.3 <regnskap@bryggen.test>: bad address syntax")));
        });
        assertThat(server.received()).isEmpty();
    }

    @Test
    void shouldDeliverToTheOthersAndReportTheRefusedOne_whenOneRecipientIsRefused() {
        // given a server that refuses only the Cc recipient
        server.rcptReply("regnskap@bryggen.test", "550 5.1.1 <regnskap@bryggen.test>: User unknown");

        // when a message is sent to To and Cc
        SendOutcome outcome = send(List.of("post@bryggen.test"), List.of("regnskap@bryggen.test"));

        // then it went to To, and the refused Cc is reported, not lost
        assertThat(outcome).isInstanceOfSatisfying(PartiallyAccepted.class, p -> {
            assertThat(p.accepted()).containsExactly("post@bryggen.test");
            assertThat(p.rejected()).containsExactly(new RecipientRejection("regnskap@bryggen.test",
                    new SmtpReply(550, "5.1.1 <regnskap@bryggen.test>: User unknown")));
            assertThat(p.reply().code()).isEqualTo(250);
        });
        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).rcptTo()).hasSize(1);
    }

    @Test
    void shouldReportTemporaryFailure_whenTheOnlyRecipientIsDeferred() {
        // given a server that greylists the recipient
        server.rcptReply("post@bryggen.test", "450 4.2.0 <post@bryggen.test>: Recipient address rejected: Greylisted");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is temporary, with the deferred recipient listed
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_TEMPORARY);
            assertThat(f.rejected()).extracting(RecipientRejection::address).containsExactly("post@bryggen.test");
            assertThat(f.rejected().get(0).isPermanent()).isFalse();
        });
    }

    @Test
    void shouldReportRejectedMessage_whenServerRefusesTheData() {
        // given a server that refuses the content after DATA
        server.reply(Stage.END_OF_DATA, "554 5.7.1 Message rejected as spam");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is a permanent message rejection
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_REJECTED_MESSAGE);
            assertThat(f.reply()).contains(new SmtpReply(554, "5.7.1 Message rejected as spam"));
        });
    }

    @Test
    void shouldReportRejectedMessage_whenServerRefusesTheDataCommand() {
        // given a server that refuses DATA itself
        server.reply(Stage.DATA, "554 5.5.1 Error: no valid recipients");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is a permanent message rejection, and nothing was stored
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_REJECTED_MESSAGE);
            assertThat(f.reply().orElseThrow().code()).isEqualTo(554);
        });
        assertThat(server.received()).isEmpty();
    }

    @Test
    void shouldReportConnectionFailedOnce_whenANewConnectionDropsBeforeData() {
        // given a server that drops every connection at MAIL FROM
        server.dropAt(Stage.MAIL);

        // when a message is sent on a fresh connection
        SendOutcome outcome = send();

        // then it is a temporary connection failure, and it was not tried again at once (the connection was new)
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class,
                f -> assertThat(f.error()).isEqualTo(MailError.SMTP_CONNECTION_FAILED));
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void shouldReportTlsFailed_whenTheServerCertificateIsNotTrusted() {
        // given GreenMail's SMTPS server with its self-signed certificate
        com.icegreen.greenmail.util.GreenMail smtps = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtps").dynamicPort());
        smtps.start();
        try {
            // when an SSL/TLS account sends to it
            SmtpAccount account = TestMails.account(smtps.getSmtps().getPort(), "kari", "pw", Encryption.SSL_TLS);
            SendOutcome outcome = mailer.transport(account).send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));

            // then the handshake fails on the certificate, permanently, before any login
            assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
                assertThat(f.error()).isEqualTo(MailError.SMTP_TLS_FAILED);
                assertThat(f.detail()).contains("certificate is not trusted");
            });
            assertThat(smtps.getReceivedMessages()).isEmpty();
        } finally {
            smtps.stop();
        }
    }

    @Test
    void shouldReportTemporaryFailure_whenServerDefersTheData() {
        // given a server short of storage
        server.reply(Stage.END_OF_DATA, "452 4.3.1 Insufficient system storage");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is temporary
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class,
                f -> assertThat(f.reply().orElseThrow().code()).isEqualTo(452));
    }

    @Test
    void shouldReportConnectionLostAndNotRepeat_whenServerDropsAfterTheData() {
        // given a server that drops the connection instead of answering the end of the data
        server.dropAt(Stage.END_OF_DATA);

        // when a message is sent
        SendOutcome outcome = send();

        // then delivery is unknown: a temporary failure, sent once, not repeated on another connection
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class,
                f -> assertThat(f.error()).isEqualTo(MailError.SMTP_CONNECTION_LOST));
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.commands().stream().filter(c -> c.equals("DATA"))).hasSize(1);

        // and the next message goes out on a new connection
        server.stopDropping(Stage.END_OF_DATA);
        assertThat(send()).isInstanceOf(Accepted.class);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shouldReconnectAndSend_whenServerClosedTheIdleConnection() throws Exception {
        // given one message sent, then the server closes the idle connection
        assertThat(send()).isInstanceOf(Accepted.class);
        server.dropAllConnections();

        // when the next message is sent
        SendOutcome outcome = send();

        // then it is sent on a new connection, once
        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void shouldCheckAndReplaceTheConnection_whenItWasIdleLongerThanTheValidationAge() throws Exception {
        // given a transport that checks connections idle for more than 1 ms, one message sent, and a server that timed it out
        mailer.close();
        mailer = new SmtpMailer(TestMails.settings().withIdle(Duration.ofMinutes(5), Duration.ofMillis(1)), HostPolicy.of(true),
                Clock.systemUTC());
        assertThat(send()).isInstanceOf(Accepted.class);
        server.reply(Stage.NOOP, "421 4.4.2 scripted.test Error: timeout exceeded");
        Thread.sleep(20); // let the connection age past the 1 ms validation threshold

        // when the next message is sent
        SendOutcome outcome = send();

        // then the timed-out connection was found by NOOP and replaced before sending: MAIL FROM went out twice in all
        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.commands()).contains("NOOP");
        assertThat(server.commands().stream().filter(c -> c.startsWith("MAIL FROM"))).hasSize(2);
    }

    @Test
    void shouldReportConnectionFailed_whenNothingListens() throws Exception {
        // given a port nobody listens on
        int port = ScriptedSmtpServer.closedPort();

        // when a message is sent there
        SendOutcome outcome = mailer.transport(TestMails.account(port)).send(TestMails.mail(UUID.randomUUID(),
                List.of("post@bryggen.test"), List.of()));

        // then it is a temporary connection failure
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_CONNECTION_FAILED);
            assertThat(f.detail()).contains("refused");
        });
    }

    @Test
    void shouldReportConnectionFailed_whenServerIsTooSlowToGreet() throws Exception {
        // given a server that does not greet within the read timeout
        mailer.close();
        mailer = new SmtpMailer(TestMails.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(5)),
                HostPolicy.of(true), Clock.systemUTC());
        CountDownLatch release = server.holdAt(Stage.GREETING);

        // when a message is sent
        SendOutcome outcome = send();
        release.countDown();

        // then it is a temporary connection failure (no answer in time)
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class,
                f -> assertThat(f.error()).isEqualTo(MailError.SMTP_CONNECTION_FAILED));
    }

    @Test
    void shouldReportConnectionRejected_whenServerGreetsWith554() {
        // given a server that refuses clients at the greeting
        server.reply(Stage.GREETING, "554 5.7.1 Your IP is blocked");

        // when a message is sent
        SendOutcome outcome = send();

        // then it is a permanent refusal of the connection with the server's text
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_CONNECTION_REJECTED);
            assertThat(f.reply()).contains(new SmtpReply(554, "5.7.1 Your IP is blocked"));
        });
    }

    @Test
    void shouldReportTlsFailed_whenStartTlsHandshakeBreaks() {
        // given a server that offers STARTTLS but does not speak TLS
        server.brokenStartTls();

        // when a STARTTLS account sends
        SendOutcome outcome = mailer.transport(TestMails.account(server.port(), "kari", "pw", Encryption.STARTTLS))
                .send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));

        // then it is a TLS failure
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class,
                f -> assertThat(f.error()).isEqualTo(MailError.SMTP_TLS_FAILED));
    }

    @Test
    void shouldReportTlsFailed_whenStartTlsIsRequiredButNotOffered() {
        // given a server without STARTTLS and an AUTO account with a password on port != 465
        SmtpAccount account = TestMails.account(server.port(), "kari", "pw", Encryption.AUTO);

        // when it sends
        SendOutcome outcome = mailer.transport(account).send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));

        // then the password is not sent in clear: a TLS failure, no AUTH command was issued
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class,
                f -> assertThat(f.error()).isEqualTo(MailError.SMTP_TLS_FAILED));
        assertThat(server.commands()).noneMatch(c -> c.startsWith("AUTH"));
    }

    @Test
    void shouldReportAuthFailed_whenServerRefusesTheLogin() {
        // given a server that refuses the credentials
        server.extensions("AUTH PLAIN LOGIN", "DSN").reply(Stage.AUTH, "535 5.7.8 Error: authentication failed");

        // when an account with a login sends (plain connection allowed explicitly)
        SendOutcome outcome = mailer.transport(TestMails.account(server.port(), "kari", "wrong", Encryption.NONE))
                .send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));

        // then it is an authentication failure naming the user and the server's answer
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class, f -> {
            assertThat(f.error()).isEqualTo(MailError.SMTP_AUTH_FAILED);
            assertThat(f.detail()).contains("kari").contains("535");
        });
    }

    @Test
    void shouldRefuseTheConnection_whenTheHostIsOnLoopbackAndPrivateHostsAreNotAllowed() {
        // given a transport with the strict host policy
        mailer.close();
        mailer = new SmtpMailer(TestMails.settings(), HostPolicy.of(false), Clock.systemUTC());

        // when a tenant account on 127.0.0.1 sends
        SendOutcome outcome = send();

        // then no connection is made at all
        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class,
                f -> assertThat(f.error()).isEqualTo(MailError.SMTP_HOST_NOT_ALLOWED));
        assertThat(server.connections()).isZero();

        // and the installation's own system sender may still use a local relay
        assertThat(mailer.systemTransport(TestMails.account(server.port())).send(
                TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()))).isInstanceOf(Accepted.class);
    }

    @Test
    void shouldWaitForAFreeConnectionAndThenGiveUp_whenThePoolIsExhausted() throws Exception {
        // given one connection per account and a server that holds the first message's end of data
        mailer.close();
        mailer = new SmtpMailer(TestMails.settings().withMaxConnectionsPerAccount(1)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(300)), HostPolicy.of(true), Clock.systemUTC());
        CountDownLatch release = server.holdAt(Stage.END_OF_DATA);
        CompletableFuture<SendOutcome> first = CompletableFuture.supplyAsync(this::send);
        assertThat(server.awaitHeld(10)).isTrue();

        // when a second message is sent while the only connection is busy
        SendOutcome second = send();

        // then the second waited in vain (temporary, SMTP_BUSY) and no second connection was opened
        assertThat(second).isInstanceOfSatisfying(TemporaryFailure.class, f -> assertThat(f.error()).isEqualTo(MailError.SMTP_BUSY));
        assertThat(server.connections()).isEqualTo(1);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(Accepted.class);
    }

    @Test
    void shouldKeepOtherAccountsSending_whenOneAccountsServerHangs() throws Exception {
        // given account A's server holds every end of data, account B's server is fine
        try (ScriptedSmtpServer other = new ScriptedSmtpServer()) {
            CountDownLatch release = server.holdAt(Stage.END_OF_DATA);
            CompletableFuture<SendOutcome> hanging = CompletableFuture.supplyAsync(this::send);
            assertThat(server.awaitHeld(10)).isTrue();

            // when account B sends
            SendOutcome outcome = mailer.transport(TestMails.account(other.port())).send(
                    TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));

            // then B's message is accepted while A's is still waiting
            assertThat(outcome).isInstanceOf(Accepted.class);
            assertThat(hanging).isNotDone();
            release.countDown();
            assertThat(hanging.get(10, TimeUnit.SECONDS)).isInstanceOf(Accepted.class);
        }
    }

    @Test
    void shouldOpenAtMostThePoolSize_whenManyThreadsSendAtOnce() throws Exception {
        // given four connections per account
        List<CompletableFuture<SendOutcome>> futures = new java.util.ArrayList<>();

        // when 40 messages are sent from 8 threads
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 40; i++) {
                futures.add(CompletableFuture.supplyAsync(this::send, pool));
            }
            for (CompletableFuture<SendOutcome> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(Accepted.class);
            }
        } finally {
            pool.shutdownNow();
        }

        // then every message arrived over at most four connections
        assertThat(server.received()).hasSize(40);
        assertThat(server.connections()).isBetween(1, 4);
    }

    @Test
    void shouldCloseIdleConnections_whenTheyExceedTheIdleTimeout() throws Exception {
        // given a transport with a very short idle timeout and one message sent
        mailer.close();
        mailer = new SmtpMailer(TestMails.settings().withIdle(Duration.ofMillis(1), Duration.ofMillis(1)), HostPolicy.of(true),
                Clock.systemUTC());
        assertThat(send()).isInstanceOf(Accepted.class);
        assertThat(mailer.openConnections()).isEqualTo(1);
        Thread.sleep(20);

        // when housekeeping runs
        mailer.evictIdle();

        // then the connection was closed with QUIT
        assertThat(mailer.openConnections()).isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.commands().contains("QUIT"));

        // and the account's (retired) pool is replaced on the next send
        assertThat(send()).isInstanceOf(Accepted.class);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shouldQuitEveryConnection_whenClosed() {
        // given a pooled connection
        assertThat(send()).isInstanceOf(Accepted.class);

        // when the mailer is closed
        mailer.close();

        // then the connection was ended with QUIT, and later sends are refused as temporary
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.commands().contains("QUIT"));
        assertThat(send()).isInstanceOfSatisfying(TemporaryFailure.class, f -> assertThat(f.error()).isEqualTo(MailError.SMTP_BUSY));
    }

    @Test
    void shouldReturnTheServersAnswer_whenSendingATestEmail() {
        // given a working server
        SmtpAccount account = TestMails.account(server.port());

        // when a test email is sent
        TestEmailResult result = mailer.sendTestEmail(account, MailAddress.of("kari@fjordkraft.test"));

        // then the answer is the server's reply, and the test email did not use the pool
        assertThat(result.success()).isTrue();
        assertThat(result.reply().orElseThrow().code()).isEqualTo(250);
        assertThat(result.explanation()).contains("250 2.0.0 Ok: queued as Q1");
        assertThat(mailer.openConnections()).isZero();
        assertThat(server.received().get(0).text()).contains("Subject: Invoiceflow test email");
    }

    @Test
    void shouldExplainTheFailure_whenATestEmailCannotConnect() throws Exception {
        // given a port nobody listens on
        SmtpAccount account = TestMails.account(ScriptedSmtpServer.closedPort());

        // when a test email is sent
        TestEmailResult result = mailer.sendTestEmail(account, MailAddress.of("kari@fjordkraft.test"));

        // then it explains that the connection was refused
        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains(MailError.SMTP_CONNECTION_FAILED);
        assertThat(result.explanation()).contains("refused");
        assertThat(result.reply()).isEqualTo(Optional.empty());
    }
}
