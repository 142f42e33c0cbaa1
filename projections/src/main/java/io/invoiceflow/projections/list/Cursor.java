package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;

/**
 * The paging cursor: base64url (no padding) of a version byte, an 8-byte fingerprint of the filter and
 * sort (SHA-256 of their normal forms), then the last row's key, one value per sort column
 * ({@code invoiceId} last). Opaque to clients, not signed: it holds only values of a row the client has
 * already been shown.
 */
final class Cursor {
    static final int MAX_LENGTH = 16_384;
    private static final byte VERSION = 1;
    private static final int FINGERPRINT_BYTES = 8;

    private Cursor() {
    }

    /** The fingerprint of a filter and an order: it changes when either would select or order differently. */
    static byte[] fingerprint(Filter filter, SortOrder order) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (filter.canonical() + "\n" + order.canonical()).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String encode(byte[] fingerprint, SortOrder order, Object[] key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(fingerprint);
            for (int i = 0; i < order.size(); i++) {
                write(out, order.field(i), key[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The key of a cursor issued for this fingerprint and order; a 400 on field {@code cursor} otherwise. */
    static Object[] decode(String cursor, byte[] fingerprint, SortOrder order) {
        if (cursor.length() > MAX_LENGTH) {
            throw malformed();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw malformed();
            }
            byte[] issuedFor = in.readNBytes(FINGERPRINT_BYTES);
            if (issuedFor.length != FINGERPRINT_BYTES) {
                throw malformed();
            }
            if (!Arrays.equals(issuedFor, fingerprint)) {
                throw DomainException.invalid("cursor", "mismatch", "the cursor belongs to another filter or sort;"
                        + " ask for the first page again without a cursor");
            }
            Object[] key = new Object[order.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = read(in, order.field(i));
            }
            if (in.read() != -1 || key[key.length - 1] == null) {
                throw malformed();
            }
            return key;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw malformed();
        }
    }

    private static DomainException malformed() {
        return DomainException.invalid("cursor", "malformed", "the cursor is not one this API issued;"
                + " pass the nextCursor of the previous page unchanged");
    }

    private static void write(DataOutputStream out, Field field, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        switch (field.type) {
            case TEXT, IDENTIFIER, ENUM -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) value;
                out.writeInt(d.scale());
                writeBytes(out, d.unscaledValue().toByteArray());
            }
            case INTEGER -> out.writeLong((Long) value);
            case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
            case INSTANT -> {
                out.writeLong(((Instant) value).getEpochSecond());
                out.writeInt(((Instant) value).getNano());
            }
            case BOOLEAN, SEARCH -> throw new IllegalStateException(field.apiName + " is not a column");
        }
    }

    private static Object read(DataInputStream in, Field field) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return switch (field.type) {
            case TEXT, IDENTIFIER, ENUM -> new String(readBytes(in), StandardCharsets.UTF_8);
            case DECIMAL -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case INTEGER -> in.readLong();
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case BOOLEAN, SEARCH -> throw new IllegalStateException(field.apiName + " is not a column");
        };
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("a sort value longer than 65535 bytes cannot go into a cursor");
        }
        out.writeShort(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        byte[] b = in.readNBytes(length);
        if (b.length != length) {
            throw new IOException("truncated");
        }
        return b;
    }
}
