package io.invoiceflow.streams.mail;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A file attached to a message.
 *
 * @param fileName    the name the recipient sees (no path, no control characters, at most 200 characters)
 * @param contentType a MIME type such as {@code application/pdf}
 * @param content     the bytes, sent unchanged (base64)
 */
public record Attachment(String fileName, String contentType, byte[] content) {
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    public Attachment {
        Fields fields = new Fields();
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/") || fileName.contains("\\")) {
            fields.add("fileName", "format", "fileName must be 1 to 200 characters without a path");
        }
        fields.headerSafe("fileName", fileName);
        if (contentType == null || !MIME_TYPE.matcher(contentType).matches()) {
            fields.add("contentType", "format", "contentType must be a MIME type like application/pdf");
        }
        if (content == null) {
            fields.add("content", "required", "content is required");
        }
        fields.throwIfAny();
        content = content.clone();
    }

    public static Attachment pdf(String fileName, byte[] content) {
        return new Attachment(fileName, "application/pdf", content);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    byte[] contentUnsafe() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fileName.hashCode() + contentType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
