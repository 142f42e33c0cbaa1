package io.invoiceflow.documents.pdf;

import io.invoiceflow.events.DomainException;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A tenant's logo: PNG or JPEG, at most {@link #MAX_BYTES} bytes and {@link #MAX_PIXELS} pixels on either side.
 * Created only through {@link #of}, which checks the bytes (format from the file signature, size from the
 * image header). Templates refer to it by {@link #uri()}, which names its content.
 */
public final class Logo {
    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_PIXELS = 4000;

    private final byte[] bytes;
    private final String mediaType;
    private final int width;
    private final int height;
    private final String sha256;

    private Logo(byte[] bytes, String mediaType, int width, int height, String sha256) {
        this.bytes = bytes;
        this.mediaType = mediaType;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
    }

    /**
     * Checks and wraps logo bytes.
     *
     * @throws DomainException on field {@code logo}: rule {@code max-size}, {@code format} or {@code max-pixels}
     */
    public static Logo of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("logo", "format", "the logo is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw DomainException.invalid("logo", "max-size", "the logo is " + bytes.length + " bytes; at most "
                    + MAX_BYTES + " bytes are allowed");
        }
        int[] size;
        String type;
        if (isPng(bytes)) {
            type = "image/png";
            size = pngSize(bytes);
        } else if ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            type = "image/jpeg";
            size = jpegSize(bytes);
        } else {
            throw DomainException.invalid("logo", "format", "the logo must be a PNG or JPEG image");
        }
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw DomainException.invalid("logo", "format", "the logo's image header cannot be read");
        }
        if (size[0] > MAX_PIXELS || size[1] > MAX_PIXELS) {
            throw DomainException.invalid("logo", "max-pixels", "the logo is " + size[0] + " x " + size[1]
                    + " pixels; at most " + MAX_PIXELS + " on either side are allowed");
        }
        return new Logo(bytes.clone(), type, size[0], size[1], sha256(bytes));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    /** {@code image/png} or {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Hex SHA-256 of the bytes. */
    public String sha256() {
        return sha256;
    }

    /** The address templates use for the logo; only the renderer resolves it. */
    public String uri() {
        return ResourceAccess.BASE + "logo/" + sha256;
    }

    private static boolean isPng(byte[] b) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length < 24) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (b[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] pngSize(byte[] b) {
        ByteBuffer buffer = ByteBuffer.wrap(b);
        if (buffer.getInt(12) != 0x49484452) { // IHDR must be the first chunk
            return null;
        }
        return new int[]{buffer.getInt(16), buffer.getInt(20)};
    }

    private static int[] jpegSize(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return new int[]{width, height};
            }
            i += 2 + length;
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
