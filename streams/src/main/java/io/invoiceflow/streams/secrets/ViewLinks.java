package io.invoiceflow.streams.secrets;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The links in invoice emails (H11, H12 "copy link"): {@code <public url>/view/<token>}, where the
 * token names the tenant and the invoice and carries a 128-bit HMAC under a key derived from the
 * installation key, so a link cannot be guessed or altered, and needs no storage. A link works as
 * long as the installation key is the same.
 */
public final class ViewLinks {
    public static final String KEY_PURPOSE = "view-link/v1";
    private static final int MAC_BYTES = 16;
    private static final int RAW_BYTES = 16 + 16 + MAC_BYTES;

    private final SecretKeySpec key;

    public ViewLinks(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a view link key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static ViewLinks from(SecretBox box) {
        return new ViewLinks(box.deriveKey(KEY_PURPOSE));
    }

    /** The invoice a link names. */
    public record Target(TenantId tenantId, InvoiceId invoiceId) {
    }

    public String token(TenantId tenant, InvoiceId invoice) {
        ByteBuffer raw = ByteBuffer.allocate(RAW_BYTES);
        put(raw, UUID.fromString(tenant.value()));
        put(raw, UUID.fromString(invoice.value()));
        raw.put(mac(Arrays.copyOf(raw.array(), 32)), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.array());
    }

    public String url(String publicUrl, TenantId tenant, InvoiceId invoice) {
        return publicUrl + "/view/" + token(tenant, invoice);
    }

    /** What a token names, when it is genuine. */
    public Optional<Target> verify(String token) {
        byte[] raw;
        try {
            raw = token == null || token.length() > 100 ? null : Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != RAW_BYTES) {
            return Optional.empty();
        }
        byte[] expected = Arrays.copyOf(mac(Arrays.copyOf(raw, 32)), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 32, RAW_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        return Optional.of(new Target(new TenantId(new UUID(b.getLong(), b.getLong()).toString()),
                new InvoiceId(new UUID(b.getLong(), b.getLong()).toString())));
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("invoiceflow-view".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
