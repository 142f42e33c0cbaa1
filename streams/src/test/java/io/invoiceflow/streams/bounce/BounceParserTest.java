package io.invoiceflow.streams.bounce;

import io.invoiceflow.streams.mail.MailError;
import io.invoiceflow.streams.testing.TestMails;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-made bounces of several MTAs (src/test/resources/bounces), each parsed and correlated. */
class BounceParserTest {
    private static final UUID J1 = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID J2 = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final UUID J3 = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final UUID J4 = UUID.fromString("44444444-4444-4444-8444-444444444444");
    private static final UUID J5 = UUID.fromString("55555555-5555-4555-8555-555555555555");
    private static final UUID J6 = UUID.fromString("66666666-6666-4666-8666-666666666666");
    private static final UUID J7 = UUID.fromString("77777777-7777-4777-8777-777777777777");
    private static final UUID J8 = UUID.fromString("88888888-8888-4888-8888-888888888888");
    private static final UUID J9 = UUID.fromString("99999999-9999-4999-8999-999999999999");

    private final BounceParser parser = new BounceParser(TestMails.TOKENS);

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = BounceParserTest.class.getResourceAsStream("/bounces/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadPostfixDsn_whenRecipientIsUnknown() throws IOException {
        // when a Postfix RFC 3464 bounce is parsed
        BounceReport report = parser.parse(sample("postfix-user-unknown.eml"));

        // then it is a permanent failure for the recipient, with status, diagnostic and remote MTA, correlated by VERP
        assertThat(report.kind()).isEqualTo(BounceKind.DSN);
        assertThat(report.isBounce()).isTrue();
        assertThat(report.error()).contains(MailError.BOUNCED_DSN);
        assertThat(report.job()).contains(new JobMatch(J1, CorrelatedBy.VERP));
        assertThat(report.reportingMta()).contains("smtp.invoiceflow.test");
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("post@bryggen.test");
            assertThat(r.originalRecipient()).contains("post@bryggen.test");
            assertThat(r.action()).isEqualTo(DeliveryAction.FAILED);
            assertThat(r.status()).contains("5.1.1");
            assertThat(r.diagnostic()).contains("550 5.1.1 <post@bryggen.test>: Recipient address rejected: User unknown in virtual mailbox table");
            assertThat(r.remoteMta()).contains("mx.bryggen.test");
            assertThat(r.isPermanentFailure()).isTrue();
        });
        // every other key is there too and names the same job
        String token = TestMails.TOKENS.token(J1);
        assertThat(report.keys().envelopeId()).contains(token);
        assertThat(report.keys().originalMessageId()).contains("<" + token + "@fjordkraft.test>");
        assertThat(report.keys().jobHeader()).contains(token);
    }

    @Test
    void shouldReportADelayNotABounce_whenPostfixIsStillRetrying() throws IOException {
        // when a Postfix delay notice (addressed in upper case by the MTA) is parsed
        BounceReport report = parser.parse(sample("postfix-delayed.eml"));

        // then it is a delay with a 4.x.x status, not a bounce, still correlated
        assertThat(report.kind()).isEqualTo(BounceKind.DSN);
        assertThat(report.isBounce()).isFalse();
        assertThat(report.isDelay()).isTrue();
        assertThat(report.error()).isEmpty();
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(DeliveryAction.DELAYED);
            assertThat(r.status()).contains("4.4.1");
            assertThat(r.isTemporary()).isTrue();
        });
        assertThat(report.job()).contains(new JobMatch(J2, CorrelatedBy.VERP));
    }

    @Test
    void shouldReadOlderEximPlainText_whenNoDeliveryStatusPartExists() throws IOException {
        // when an Exim plain-text bounce to the sender's own address is parsed
        BounceReport report = parser.parse(sample("exim-plain-failed.eml"));

        // then the failed recipient, its SMTP error and the remote host come from the wording; Message-ID correlates
        assertThat(report.kind()).isEqualTo(BounceKind.UNSTRUCTURED);
        assertThat(report.error()).contains(MailError.BOUNCED_UNSTRUCTURED);
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("ola.nordmann@kunde.test");
            assertThat(r.action()).isEqualTo(DeliveryAction.FAILED);
            assertThat(r.status()).contains("5.1.1");
            assertThat(r.diagnostic().orElseThrow()).contains("550 5.1.1 <ola.nordmann@kunde.test>... User unknown");
            assertThat(r.remoteMta()).contains("mail.kunde.test");
        });
        assertThat(report.keys().verpAddress()).isEmpty();
        assertThat(report.job()).contains(new JobMatch(J3, CorrelatedBy.MESSAGE_ID));
    }

    @Test
    void shouldReadEximDelayWarning_asADelay() throws IOException {
        // when an Exim delay warning is parsed
        BounceReport report = parser.parse(sample("exim-delayed.eml"));

        // then it is a delay for the recipient, not a bounce
        assertThat(report.kind()).isEqualTo(BounceKind.UNSTRUCTURED);
        assertThat(report.isDelay()).isTrue();
        assertThat(report.isBounce()).isFalse();
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("post@treg.test");
            assertThat(r.action()).isEqualTo(DeliveryAction.DELAYED);
            assertThat(r.status()).contains("4.3.0");
        });
        assertThat(report.job()).contains(new JobMatch(J2, CorrelatedBy.VERP));
    }

    @Test
    void shouldCorrelateByEnvid_whenSendmailReportsWithoutVerpAndWithARewrittenMessageId() throws IOException {
        // when a Sendmail DSN without VERP and with a gateway-rewritten Message-ID is parsed
        BounceReport report = parser.parse(sample("sendmail-dsn.eml"));

        // then the ENVID ties it to the job
        assertThat(report.kind()).isEqualTo(BounceKind.DSN);
        assertThat(report.job()).contains(new JobMatch(J4, CorrelatedBy.ENVID));
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("innkjop@fabrikk.test");
            assertThat(r.status()).contains("5.2.1");
            assertThat(r.remoteMta()).contains("mx2.fabrikk.test");
        });
    }

    @Test
    void shouldReadEveryQmailRecipient_whenQmailGivesUp() throws IOException {
        // when a qmail bounce with two recipients (VERP in upper case) is parsed
        BounceReport report = parser.parse(sample("qmail.eml"));

        // then both recipients failed, with the status from the text or the SMTP reply
        assertThat(report.kind()).isEqualTo(BounceKind.UNSTRUCTURED);
        assertThat(report.reportingMta()).contains("mx.gammel.test");
        assertThat(report.recipients()).hasSize(2);
        assertThat(report.recipients().get(0)).satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("kontor@gammel.test");
            assertThat(r.status()).contains("5.1.1");
            assertThat(r.diagnostic()).contains("Sorry, no mailbox here by that name. (#5.1.1)");
        });
        assertThat(report.recipients().get(1)).satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("lager@gammel.test");
            assertThat(r.status()).contains("5.2.2");
        });
        assertThat(report.job()).contains(new JobMatch(J5, CorrelatedBy.VERP));
    }

    @Test
    void shouldFallBackToTheJobHeader_whenOffice365RewroteTheMessageId() throws IOException {
        // when an Office 365 NDR (HTML + text human part, DSN part) is parsed
        BounceReport report = parser.parse(sample("office365-ndr.eml"));

        // then the recipient and its 5.1.10 status are read, and only the X-Invoiceflow-Job header correlates
        assertThat(report.kind()).isEqualTo(BounceKind.DSN);
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("innkjop@fiskeri.test");
            assertThat(r.status()).contains("5.1.10");
            assertThat(r.diagnostic().orElseThrow()).startsWith("550 5.1.10 RESOLVER.ADR.RecipientNotFound");
        });
        assertThat(report.job()).contains(new JobMatch(J6, CorrelatedBy.JOB_HEADER));
    }

    @Test
    void shouldReadExchangePlainTextNdr_whenItHasNoDeliveryStatusPart() throws IOException {
        // when an Exchange 2010 plain-text NDR is parsed
        BounceReport report = parser.parse(sample("exchange-legacy.eml"));

        // then the recipient and the "#550 5.1.1 ... ##" diagnostic are read; Message-ID correlates
        assertThat(report.kind()).isEqualTo(BounceKind.UNSTRUCTURED);
        assertThat(report.reportingMta()).contains("EXCH01.kommune.test");
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("regnskap@kommune.test");
            assertThat(r.status()).contains("5.1.1");
            assertThat(r.diagnostic()).contains("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##");
        });
        assertThat(report.job()).contains(new JobMatch(J7, CorrelatedBy.MESSAGE_ID));
    }

    @Test
    void shouldReadGmailPlainTextNotice_whenDeliveryFailedPermanently() throws IOException {
        // when an older Gmail plain-text failure notice is parsed
        BounceReport report = parser.parse(sample("gmail-legacy.eml"));

        // then the recipient, status and remote server come from the wording; the VERP in X-Original-To correlates
        assertThat(report.kind()).isEqualTo(BounceKind.UNSTRUCTURED);
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("kasserer@foreningen.test");
            assertThat(r.status()).contains("5.1.1");
            assertThat(r.remoteMta()).contains("mx.foreningen.test");
        });
        assertThat(report.job()).contains(new JobMatch(J8, CorrelatedBy.VERP));
    }

    @Test
    void shouldReadGlobalDeliveryStatus_whenTheRecipientHasANonAsciiAddress() throws IOException {
        // when an RFC 6533 report (message/global-delivery-status, UTF-8) is parsed
        BounceReport report = parser.parse(sample("global-delivery-status.eml"));

        // then the UTF-8 fields are read (the \x{..} escapes decoded too)
        assertThat(report.kind()).isEqualTo(BounceKind.GLOBAL_DSN);
        assertThat(report.isBounce()).isTrue();
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("pål@fjellgård.test");
            assertThat(r.originalRecipient()).contains("pål@fjellgård.test");
            assertThat(r.status()).contains("5.1.1");
            assertThat(r.diagnostic()).contains("550 5.1.1 <pål@fjellgård.test>: mailbox unavailable");
        });
        assertThat(report.keys().originalMessageId()).contains("<" + TestMails.TOKENS.token(J9) + "@fjordkraft.test>");
        assertThat(report.job()).contains(new JobMatch(J9, CorrelatedBy.VERP));
    }

    @Test
    void shouldNotCallAnAutoReplyABounce_whenItArrivesAtTheVerpAddress() throws IOException {
        // when an out-of-office reply sent to the VERP address is parsed
        BounceReport report = parser.parse(sample("auto-reply.eml"));

        // then it is an auto-reply: no bounce, no recipients, though it names its job
        assertThat(report.kind()).isEqualTo(BounceKind.AUTO_REPLY);
        assertThat(report.isBounce()).isFalse();
        assertThat(report.isDelay()).isFalse();
        assertThat(report.recipients()).isEmpty();
        assertThat(report.job()).contains(new JobMatch(J1, CorrelatedBy.VERP));
    }

    @Test
    void shouldNotMatchAnyJob_whenTheBounceCarriesForgedTokens() throws IOException {
        // when a bounce with an altered VERP token, a plain job id as ENVID and a forged Message-ID is parsed
        BounceReport report = parser.parse(sample("forged-bounce.eml"));

        // then it is read as a bounce but tied to no job
        assertThat(report.isBounce()).isTrue();
        assertThat(report.job()).isEmpty();
        assertThat(report.keys().verpAddress()).contains("bounces+aeirceirceiucembceirceirceiuapiiuwa7jcx66lya@invoiceflow.test");
    }

    @Test
    void shouldPreferTheEnvelopeRecipient_whenTheCallerKnowsIt() throws IOException {
        // given the Sendmail sample (no VERP in its headers) delivered to a known VERP address
        String verp = TestMails.TOKENS.verpAddress(J3, TestMails.BOUNCE_ADDRESS);

        // when it is parsed with that envelope recipient
        BounceReport report = parser.parse(sample("sendmail-dsn.eml"), Optional.of(verp));

        // then the VERP address wins over the ENVID
        assertThat(report.job()).contains(new JobMatch(J3, CorrelatedBy.VERP));
    }

    @Test
    void shouldReadSuccessActions_whenARelayReportsRelayedAndExpanded() {
        // given a DSN that reports success-type actions only
        String dsn = """
                From: MAILER-DAEMON@relay.test
                To: bounces@invoiceflow.test
                Subject: Successful Mail Delivery Report
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="R"

                --R
                Content-Type: text/plain

                Your message was relayed.
                --R
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.test

                Final-Recipient: rfc822; a@old-mta.test
                Action: relayed
                Status: 2.0.0

                Final-Recipient: rfc822; team@lists.test
                Action: expanded (to 3 members)
                Status: 2.0.0

                Final-Recipient: rfc822; b@new-mta.test
                Action: delivered
                Status: 2.0.0
                --R--
                """.replace("\n", "\r\n");

        // when it is parsed
        BounceReport report = parser.parse(dsn.getBytes(StandardCharsets.US_ASCII));

        // then each action is read and it is neither a bounce nor a delay
        assertThat(report.kind()).isEqualTo(BounceKind.DSN);
        assertThat(report.recipients()).extracting(RecipientStatus::action)
                .containsExactly(DeliveryAction.RELAYED, DeliveryAction.EXPANDED, DeliveryAction.DELIVERED);
        assertThat(report.isBounce()).isFalse();
        assertThat(report.isDelay()).isFalse();
        assertThat(report.job()).isEmpty();
    }

    @Test
    void shouldReturnOther_whenTheMessageIsNoReportAtAll() {
        // when an ordinary message and then garbage are parsed
        BounceReport plain = parser.parse("From: a@b.test\nTo: c@d.test\nSubject: Hello\n\nHi!\n".getBytes(StandardCharsets.US_ASCII));
        BounceReport garbage = parser.parse(new byte[]{0, 1, 2, (byte) 0xff, '\n', '\n', 'x'});

        // then both are OTHER, without recipients, and nothing throws
        assertThat(plain.kind()).isEqualTo(BounceKind.OTHER);
        assertThat(plain.recipients()).isEmpty();
        assertThat(garbage.kind()).isEqualTo(BounceKind.OTHER);
        assertThat(garbage.job()).isEmpty();
    }
}
