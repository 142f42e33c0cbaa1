package io.invoiceflow.streams.secrets;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ViewLinksTest {
    private final ViewLinks links = new ViewLinks(key((byte) 7));
    private final TenantId tenant = TenantId.random();
    private final InvoiceId invoice = InvoiceId.random();

    @Test
    void shouldNameTheInvoice_whenTheTokenIsGenuine() {
        // when
        String token = links.token(tenant, invoice);

        // then
        assertThat(token).matches("[A-Za-z0-9_-]{64}");
        assertThat(links.verify(token)).contains(new ViewLinks.Target(tenant, invoice));
        assertThat(links.url("https://invoices.example.com", tenant, invoice))
                .isEqualTo("https://invoices.example.com/view/" + token);
    }

    @Test
    void shouldRefuse_whenTheTokenIsAlteredForeignOrGarbage() {
        // given
        String token = links.token(tenant, invoice);
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';

        // when / then
        assertThat(links.verify(token.substring(0, 10) + flipped + token.substring(11))).isEmpty();
        assertThat(new ViewLinks(key((byte) 8)).verify(token)).isEmpty();
        assertThat(links.verify("not a token")).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("x".repeat(500))).isEmpty();
    }

    private static byte[] key(byte value) {
        byte[] key = new byte[32];
        Arrays.fill(key, value);
        return key;
    }
}
