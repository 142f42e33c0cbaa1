package io.invoiceflow.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: {@code ifk_} + 43 characters of base64url (256 random bits). Only the SHA-256 of a key
 * is stored; its first 12 characters ({@code ifk_} + 8) are its public prefix.
 */
public final class ApiKeys {
    /** One digest per thread: every request hashes its bearer token, and looking the algorithm up each time showed. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public record NewKey(String key, String prefix, String hash) {
        @Override
        public String toString() {
            return "NewKey[prefix=" + prefix + "]";
        }
    }

    public static NewKey generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "ifk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(key, key.substring(0, 12), sha256(key));
    }

    public static String sha256(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
