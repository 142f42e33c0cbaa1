package io.invoiceflow.documents.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Makes FOP's output depend only on the document and its creation time. FOP writes two values of its
 * own into a PDF: the XMP {@code MetadataDate} (the wall clock) and the trailer's file {@code /ID}
 * (random). Both are replaced in place, with values of the same length, so no offset moves: the
 * metadata date becomes the creation time, the file id a digest of the rest of the file.
 */
final class ReproduciblePdf {
    private static final byte[] METADATA_DATE = "<xmp:MetadataDate>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FILE_ID = "/ID [<".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_HEX = 32;

    private ReproduciblePdf() {
    }

    static byte[] fix(byte[] pdf, Instant createdAt) {
        int date = indexOf(pdf, METADATA_DATE, 0, false);
        if (date >= 0) {
            byte[] value = createdAt.truncatedTo(ChronoUnit.SECONDS).toString().getBytes(StandardCharsets.US_ASCII);
            int start = date + METADATA_DATE.length;
            int end = indexOf(pdf, "</xmp:MetadataDate>".getBytes(StandardCharsets.US_ASCII), start, false);
            if (end - start == value.length) {
                System.arraycopy(value, 0, pdf, start, value.length);
            }
        }
        int id = indexOf(pdf, FILE_ID, 0, true);
        if (id >= 0) {
            int first = id + FILE_ID.length;
            int second = first + ID_HEX + 3; // "> <"
            if (second + ID_HEX <= pdf.length && pdf[first + ID_HEX] == '>' && pdf[second - 1] == '<') {
                byte[] zero = "0".repeat(ID_HEX).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(zero, 0, pdf, first, ID_HEX);
                System.arraycopy(zero, 0, pdf, second, ID_HEX);
                byte[] digest = HexFormat.of().withUpperCase().formatHex(md5(pdf)).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(digest, 0, pdf, first, ID_HEX);
                System.arraycopy(digest, 0, pdf, second, ID_HEX);
            }
        }
        return pdf;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from, boolean last) {
        int found = -1;
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            if (!last) {
                return i;
            }
            found = i;
        }
        return found;
    }
}
