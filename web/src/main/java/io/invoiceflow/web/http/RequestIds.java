package io.invoiceflow.web.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@value #HEADER} when it is a sane token (at most 100 of
 * {@code A-Z a-z 0-9 . _ : -}), otherwise a random (version 4) UUID. The id is echoed in the response header,
 * kept as a context attribute and included in problem bodies and error logs. It names a request, it guards
 * nothing, so its bits come from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from the shared
 * {@code SecureRandom} on every request.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /** Assigns the id before any other handler runs. */
    public static void install(JavalinConfig cfg) {
        cfg.routes.before(RequestIds::of);
    }

    /** The request's id, assigned (and echoed) on first use. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String given = ctx.header(HEADER);
            id = given != null && SANE.matcher(given).matches() ? given : randomUuid().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }

    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
    }
}
