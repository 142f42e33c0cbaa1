package io.invoiceflow.streams.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (tenant SMTP passwords) with the installation key: AES-256-GCM, a random
 * 96-bit nonce per seal, and the caller's context (for example {@code smtp-account:<tenant>:<name>})
 * as associated data, so a sealed value only opens for the owner it was sealed for.
 *
 * <p>Sealed format ({@code docs/adr/0142-sealed-secret-format.md}):
 * {@code if1:<key id, 8 hex>:<base64url without padding of nonce(12) || ciphertext || tag(16)>}.
 * The key id (a fingerprint of the installation key) tells "sealed with another key" apart from
 * "altered". The AES key and every {@link #deriveKey derived key} come from the installation key
 * through HMAC-SHA256 with distinct labels; the installation key itself encrypts nothing.
 */
public final class SecretBox {
    /** Name of the key file created under the data directory when no key is configured. */
    public static final String KEY_FILE = "secret.key";
    static final String VERSION = "if1";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec aesKey;
    private final byte[] installationKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] installationKey) {
        if (installationKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the installation key must be 32 bytes (256 bits), not "
                    + installationKey.length);
        }
        this.installationKey = installationKey.clone();
        this.aesKey = new SecretKeySpec(deriveKey("secret-box/v1"), "AES");
        this.keyId = HexFormat.of().formatHex(deriveKey("key-id")).substring(0, 8);
    }

    /** A box with the key given as base64 (32 bytes), for {@code INVOICEFLOW_SECRET_KEY}. */
    public static SecretBox fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("INVOICEFLOW_SECRET_KEY must be base64 (standard alphabet) of 32 random bytes");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("INVOICEFLOW_SECRET_KEY must decode to 32 bytes, not " + key.length);
        }
        return new SecretBox(key);
    }

    /**
     * The configured key if given, else the key file {@value #KEY_FILE} in {@code directory},
     * created with 32 random bytes on first use.
     */
    public static SecretBox load(Optional<Secret> base64Key, Path directory) {
        return base64Key.filter(k -> !k.isEmpty()).map(k -> fromBase64(k.reveal())).orElseGet(() -> fromKeyFile(directory));
    }

    /**
     * Reads {@code directory/secret.key}, or creates it (owner-only permissions on POSIX file
     * systems, written completely before it becomes visible, so concurrent first starts agree on
     * one key). Refuses a key file that group or others can read.
     */
    public static SecretBox fromKeyFile(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.exists(file)) {
                create(directory, file, posix);
            }
            if (posix) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                if (!permissions.isEmpty()) {
                    throw new IllegalStateException("the installation key file " + file + " is accessible by others ("
                            + permissions + "); restrict it with: chmod 600 " + file);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("the installation key file " + file + " does not hold 32 bytes in base64");
            }
            return new SecretBox(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the installation key file " + file, e);
        }
    }

    private static void create(Path directory, Path file, boolean posix) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path temp;
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            temp = Files.createTempFile(directory, ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, ".secret", ".tmp");
        }
        try {
            Files.write(temp, content);
            try {
                Files.createLink(file, temp); // fails if another process created the key first
            } catch (FileAlreadyExistsException raced) {
                // keep the other process's key
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A short fingerprint of the installation key (not secret). */
    public String keyId() {
        return keyId;
    }

    /** Encrypts {@code secret} for {@code context}; every call gives a different result. */
    public String seal(Secret secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(keyId, context));
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} for the same {@code context}.
     *
     * @throws SecretBoxException if the format is unknown, it was sealed with another key, or it was
     *                            altered or sealed for another context
     */
    public Secret open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new SecretBoxException("not a sealed secret of a known version (expected " + VERSION + ":<key id>:<data>)");
        }
        if (!parts[1].equals(keyId)) {
            throw new SecretBoxException("the secret was sealed with another installation key (key id " + parts[1]
                    + ", this installation's key id is " + keyId + ")");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("the sealed secret is damaged (not base64url)");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("the sealed secret is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[1], context));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            String value = new String(plain, StandardCharsets.UTF_8);
            Arrays.fill(plain, (byte) 0);
            return Secret.of(value);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretBoxException("the sealed secret was altered or belongs to another context");
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("the sealed secret cannot be decrypted: " + e.getClass().getSimpleName());
        }
    }

    /** A 32-byte key for one purpose (HMAC-SHA256 of the installation key over the label). */
    public byte[] deriveKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(installationKey, "HmacSHA256"));
            return mac.doFinal(("invoiceflow/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] aad(String keyId, String context) {
        return (VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretBox[keyId=" + keyId + "]";
    }
}
