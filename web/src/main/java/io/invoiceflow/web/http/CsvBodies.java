package io.invoiceflow.web.http;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a CSV file sent as the request body: {@code Content-Type: text/csv}, UTF-8 (a {@code charset}
 * parameter, if any, must say so; else 415), at most a given number of bytes (else 413: at once when the
 * declared length says so, after that many bytes otherwise). The API's general request size limit does not
 * apply: files have their own.
 */
public final class CsvBodies {
    private CsvBodies() {
    }

    public static byte[] read(Context ctx, int maxBytes) {
        requireCsv(ctx.contentType());
        String tooLarge = "the file is larger than " + maxBytes + " bytes (" + maxBytes / (1024 * 1024)
                + " MiB); split it into smaller files";
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw ProblemMapping.refusedUnread(ctx, tooLarge);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ContentTooLargeResponse(tooLarge);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    private static void requireCsv(String contentType) {
        String[] parts = (contentType == null ? "" : contentType).split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("text/csv")) {
            throw new UnsupportedMediaTypeResponse("Content-Type must be text/csv");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                throw new UnsupportedMediaTypeResponse("the file must be UTF-8 (Content-Type: text/csv; charset=utf-8)");
            }
        }
    }
}
