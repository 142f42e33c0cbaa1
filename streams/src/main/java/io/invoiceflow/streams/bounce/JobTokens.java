package io.invoiceflow.streams.bounce;

import io.invoiceflow.streams.mail.MailIdentity;
import io.invoiceflow.streams.secrets.SecretBox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated tokens that name a distribution job on the wire (ADR 0140). A token is
 * {@code base32(version || job id (16 bytes) || HMAC-SHA256(key, version || job id)[0..10])}: 44
 * lower-case characters of {@code a-z2-7}, so it survives MTAs that change the case of addresses,
 * fits a 64-character local part ({@code bounces+<token>}), is valid xtext for ENVID and a valid
 * Message-ID local part. Without the installation key nobody can make a token for a job, so a forged
 * bounce cannot mark a random job; a token that does not verify is ignored.
 *
 * <p>The same token is used in all four correlation places: the VERP envelope sender, the ENVID,
 * the Message-ID and the {@code X-Invoiceflow-Job} header. All are deterministic for a job, so a
 * message repeated after a crash carries the same values.
 */
public final class JobTokens {
    /** The label of the key derived from the installation key. */
    public static final String KEY_PURPOSE = "job-token/v1";
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 10;
    private static final int RAW_BYTES = 1 + 16 + MAC_BYTES;
    private static final int TOKEN_LENGTH = (RAW_BYTES * 8 + 4) / 5;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final SecretKeySpec key;

    public JobTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a job token key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static JobTokens from(SecretBox box) {
        return new JobTokens(box.deriveKey(KEY_PURPOSE));
    }

    /** The token for {@code jobId} (always the same for the same job and key). */
    public String token(UUID jobId) {
        ByteBuffer raw = ByteBuffer.allocate(RAW_BYTES);
        raw.put(VERSION).putLong(jobId.getMostSignificantBits()).putLong(jobId.getLeastSignificantBits());
        raw.put(mac(Arrays.copyOf(raw.array(), 17)), 0, MAC_BYTES);
        return base32(raw.array());
    }

    /** The job a token names, if it is a genuine token (any letter case). */
    public Optional<UUID> verify(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] raw = unbase32(token.toLowerCase(Locale.ROOT));
        if (raw == null || raw[0] != VERSION) {
            return Optional.empty();
        }
        byte[] expected = Arrays.copyOf(mac(Arrays.copyOf(raw, 17)), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 17, RAW_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(raw, 1, 16);
        return Optional.of(new UUID(b.getLong(), b.getLong()));
    }

    /**
     * The VERP envelope sender for a job: {@code bounces@example.com} becomes
     * {@code bounces+<token>@example.com}.
     */
    public String verpAddress(UUID jobId, String bounceAddress) {
        int at = bounceAddress.lastIndexOf('@');
        if (at <= 0 || bounceAddress.substring(0, at).contains("+")) {
            throw new IllegalArgumentException("the bounce address must be local@domain without '+'");
        }
        return bounceAddress.substring(0, at) + "+" + token(jobId) + bounceAddress.substring(at);
    }

    /**
     * The job named by a VERP address ({@code anything+<token>@domain}, with or without angle
     * brackets, any case), if its token is genuine.
     */
    public Optional<UUID> fromVerpAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        int plus = at < 0 ? -1 : a.lastIndexOf('+', at);
        return plus < 0 ? Optional.empty() : verify(a.substring(plus + 1, at));
    }

    /** The job named by a Message-ID made by {@link #identity}, if genuine. */
    public Optional<UUID> fromMessageId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        int at = id.indexOf('@');
        return at < 0 ? Optional.empty() : verify(id.substring(0, at));
    }

    /**
     * The wire identity of a job's message: Message-ID {@code <token@messageIdDomain>}, ENVID and
     * {@code X-Invoiceflow-Job} = the token, and the VERP envelope sender when a bounce address is
     * configured.
     *
     * @param messageIdDomain the right-hand side of the Message-ID (usually the From address's domain)
     */
    public MailIdentity identity(UUID jobId, String messageIdDomain, Optional<String> bounceAddress) {
        if (messageIdDomain == null || !DOMAIN.matcher(messageIdDomain).matches()) {
            throw new IllegalArgumentException("messageIdDomain must be a domain name like example.com");
        }
        String token = token(jobId);
        return new MailIdentity("<" + token + "@" + messageIdDomain.toLowerCase(Locale.ROOT) + ">", token,
                bounceAddress.map(b -> verpAddress(jobId, b)), token);
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("invoiceflow-job".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String base32(byte[] data) {
        StringBuilder out = new StringBuilder(TOKEN_LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    private static byte[] unbase32(String text) {
        byte[] out = new byte[RAW_BYTES];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                if (n == RAW_BYTES) {
                    return null;
                }
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        // the unused low bits of the last character must be zero: one token, one spelling
        return n == RAW_BYTES && (buffer & ((1 << bits) - 1)) == 0 ? out : null;
    }
}
