package io.invoiceflow.streams.bounce;

import io.invoiceflow.streams.mail.MailIdentity;
import io.invoiceflow.streams.testing.TestMails;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTokensTest {
    private static final UUID JOB = UUID.fromString("0b7e5e1c-3f2a-4c1d-9e8f-7a6b5c4d3e2f");
    private final JobTokens tokens = TestMails.TOKENS;

    @Test
    void shouldGiveBackTheJob_whenTheTokenIsGenuineInAnyCase() {
        String token = tokens.token(JOB);
        assertThat(token).hasSize(44).matches("[a-z2-7]+").isEqualTo(tokens.token(JOB));
        assertThat(tokens.verify(token)).contains(JOB);
        assertThat(tokens.verify(token.toUpperCase(Locale.ROOT))).contains(JOB);
    }

    @Test
    void shouldRefuseTheToken_whenItWasMadeWithAnotherKeyOrAltered() {
        String token = tokens.token(JOB);
        JobTokens other = new JobTokens("another-installation-key-32bytes".getBytes(StandardCharsets.US_ASCII));
        assertThat(other.verify(token)).isEmpty();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i) == 'a' ? 'b' : 'a';
            assertThat(tokens.verify(token.substring(0, i) + c + token.substring(i + 1))).as("position " + i).isEmpty();
        }
        assertThat(tokens.verify(token.substring(1))).isEmpty();
        assertThat(tokens.verify(token + "a")).isEmpty();
        assertThat(tokens.verify("0" + token.substring(1))).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void shouldBuildAVerpAddressThatFitsALocalPart_andReadItBack() {
        String verp = tokens.verpAddress(JOB, "bounces@invoiceflow.test");
        assertThat(verp).startsWith("bounces+").endsWith("@invoiceflow.test");
        assertThat(verp.substring(0, verp.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(tokens.fromVerpAddress(verp)).contains(JOB);
        assertThat(tokens.fromVerpAddress("<" + verp.toUpperCase(Locale.ROOT) + ">")).contains(JOB);
        assertThat(tokens.fromVerpAddress("bounces@invoiceflow.test")).isEmpty();
        assertThatThrownBy(() -> tokens.verpAddress(JOB, "bounces+x@invoiceflow.test")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDeriveTheSameIdentity_whenTheSameJobIsSentAgain() {
        MailIdentity first = tokens.identity(JOB, "Fjordkraft.TEST", Optional.of("bounces@invoiceflow.test"));
        MailIdentity again = tokens.identity(JOB, "fjordkraft.test", Optional.of("bounces@invoiceflow.test"));
        assertThat(again).isEqualTo(first);
        assertThat(first.messageId()).isEqualTo("<" + tokens.token(JOB) + "@fjordkraft.test>");
        assertThat(first.envelopeId()).isEqualTo(first.jobHeader()).isEqualTo(tokens.token(JOB));
        assertThat(tokens.fromMessageId(first.messageId())).contains(JOB);
        assertThat(tokens.identity(JOB, "fjordkraft.test", Optional.empty()).envelopeSender()).isEmpty();
        assertThatThrownBy(() -> tokens.identity(JOB, "not a domain", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
