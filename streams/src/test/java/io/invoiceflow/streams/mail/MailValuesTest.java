package io.invoiceflow.streams.mail;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.streams.secrets.Secret;
import io.invoiceflow.streams.testing.TestMails;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Validation of the mail values: every field that reaches a header is free of line breaks. */
class MailValuesTest {
    private static final OutgoingMail VALID = TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of());

    private static OutgoingMail withSubject(String subject) {
        return new OutgoingMail(VALID.identity(), VALID.from(), VALID.replyTo(), VALID.to(), VALID.cc(), subject, VALID.textBody(),
                VALID.htmlBody(), VALID.attachments());
    }

    @Test
    void shouldRefuseTheSubject_whenAMergedValueInjectsAHeader() {
        assertThatThrownBy(() -> withSubject("Faktura 1001\r\nBcc: victim@example.com"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(tuple("subject", "no-line-breaks")));
        assertThatThrownBy(() -> withSubject("Faktura\n1001")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> withSubject("Faktura\u2028 1001")).isInstanceOf(DomainException.class);
        assertThat(withSubject("Faktura 1001 – «forfall» ÆØÅ").subject()).contains("ÆØÅ");
    }

    @Test
    void shouldRefuseADisplayName_whenItContainsALineBreak() {
        assertThatThrownBy(() -> MailAddress.of("post@bryggen.test", "Bryggen\r\nX-Evil: 1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("displayName"));
    }

    @Test
    void shouldRefuseAnAddress_whenItIsNotASingleAsciiMailbox() {
        for (String bad : List.of("post", "post@", "@bryggen.test", "post@bryggen", "a b@bryggen.test", "post@bryggen.test\r\nBcc: x@y.z",
                "Kari <kari@x.test>", "pål@bryggen.test", "a@b.test,c@d.test")) {
            assertThatThrownBy(() -> MailAddress.of(bad)).as(bad).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.violations().get(0)).extracting(FieldViolation::field, FieldViolation::rule)
                            .containsExactly("address", "email"));
        }
    }

    @Test
    void shouldConvertAnInternationalDomain_whenTheAddressHasOne() {
        assertThat(MailAddress.of("post@fjellgård.no").address()).isEqualTo("post@" + java.net.IDN.toASCII("fjellgård.no"));
        assertThat(MailAddress.of("Post@Bryggen.TEST").address()).isEqualTo("Post@bryggen.test");
    }

    @Test
    void shouldRefuseAnAttachmentName_whenItHasAPathOrALineBreak() {
        assertThatThrownBy(() -> Attachment.pdf("../../etc/passwd", new byte[1])).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Attachment.pdf("a\r\nContent-Type: text/html.pdf", new byte[1])).isInstanceOf(DomainException.class);
        assertThat(Attachment.pdf("Faktura 1001 – Bryggen.pdf", new byte[]{1, 2}).content()).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseTheMail_whenRecipientsAreMissingOrRepeated() {
        assertThatThrownBy(() -> new OutgoingMail(VALID.identity(), VALID.from(), Optional.empty(), List.of(), List.of(), "s", "t", "h", List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("to"));
        assertThatThrownBy(() -> new OutgoingMail(VALID.identity(), VALID.from(), Optional.empty(), List.of(MailAddress.of("a@b.test")),
                List.of(MailAddress.of("A@b.test")), "s", "t", "h", List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations().get(0).rule()).isEqualTo("unique"));
    }

    @Test
    void shouldRefuseIdentities_whenTheyCouldBreakTheEnvelopeOrHeaders() {
        assertThatThrownBy(() -> new MailIdentity("<a b@c.test>", "x", Optional.empty(), "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new MailIdentity("<a@c.test>", "x y", Optional.empty(), "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new MailIdentity("<a@c.test>", "x+2B", Optional.empty(), "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new MailIdentity("<a@c.test>", "x", Optional.of("not an address"), "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new MailIdentity("<a@c.test>", "x", Optional.empty(), "x\r\nBcc: y@z.test")).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldCheckEveryAccountField_whenAnAccountIsInvalid() {
        // when an account with several bad fields is created, then every field is named at once
        assertThatThrownBy(() -> new SmtpAccount("", Optional.of("X\nY"), "not-an-address", Optional.of("kari"), Secret.empty(),
                "smtp example.com", 0, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("accountName", "displayName", "fromAddress", "password", "host", "port", "encryption"));
    }

    @Test
    void shouldNeverPrintThePassword_whenAnAccountIsPrinted() {
        SmtpAccount account = TestMails.account(587, "kari", "s3cret-pw", Encryption.AUTO);
        assertThat(account.toString()).doesNotContain("s3cret-pw").contains("password=********");
    }

    @Test
    void shouldResolveAuto_byPortAndCredentials() {
        assertThat(TestMails.account(465, "kari", "pw", Encryption.AUTO).effectiveEncryption()).isEqualTo(Encryption.SSL_TLS);
        assertThat(TestMails.account(587, "kari", "pw", Encryption.AUTO).effectiveEncryption()).isEqualTo(Encryption.STARTTLS);
        assertThat(TestMails.account(587, "kari", "pw", Encryption.AUTO).requiresStartTls()).isTrue();
        assertThat(TestMails.account(25).requiresStartTls()).isFalse();
        assertThat(new SmtpAccount("relay", Optional.empty(), "a@b.test", Optional.empty(), Secret.empty(), "relay.test", 25,
                Encryption.AUTO).requiresStartTls()).isFalse();
    }

    @Test
    void shouldParseRepliesAndTheirEnhancedStatus() {
        assertThat(SmtpReply.parse("550 5.1.1 <a@b.test>: User unknown")).contains(new SmtpReply(550, "5.1.1 <a@b.test>: User unknown"));
        assertThat(SmtpReply.parse("550-5.7.1 first line\r\n550 5.7.1 second line")).get()
                .satisfies(r -> {
                    assertThat(r.text()).isEqualTo("5.7.1 first line 5.7.1 second line");
                    assertThat(r.enhancedStatus()).contains("5.7.1");
                    assertThat(r.isPermanent()).isTrue();
                });
        assertThat(SmtpReply.parse("451 Try again").orElseThrow().enhancedStatus()).isEmpty();
        assertThat(SmtpReply.parse("[EOF]")).isEmpty();
        assertThat(SmtpReply.parse(null)).isEmpty();
    }

    @Test
    void shouldRedactThePassword_inEveryFormAServerMightEchoIt() {
        Secret pw = Secret.of("Sommer2026!");
        String b64 = java.util.Base64.getEncoder().encodeToString("Sommer2026!".getBytes());
        String plain = java.util.Base64.getEncoder().encodeToString("\0kari\0Sommer2026!".getBytes());
        assertThat(Redactor.redact("bad password Sommer2026! given", pw)).isEqualTo("bad password [redacted] given");
        assertThat(Redactor.redact("535 got " + b64 + " and " + plain, pw)).doesNotContain(b64).doesNotContain(plain)
                .isEqualTo("535 got [redacted] and [redacted]");
        assertThat(Redactor.redact("line one\r\nline two\u0000", Secret.empty())).isEqualTo("line one line two");
        assertThat(Redactor.redact("x".repeat(2000), Secret.empty())).hasSize(503);
        assertThat(Redactor.redact(null, pw)).isEmpty();
    }
}
