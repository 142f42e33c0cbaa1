package io.invoiceflow.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.invoiceflow.events.DomainException;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads request bodies strictly (see {@link Json}). Every way a body can be wrong becomes a 4xx
 * problem that names the field by its JSON path ({@code lines[1].quantity}, {@code $} for the whole
 * body) and the broken rule:
 * <ul>
 *   <li>{@code malformed-json}: not JSON, with line and column;</li>
 *   <li>{@code required}: empty body, or {@code null} where a value is needed;</li>
 *   <li>{@code unknown-field}: a field the type does not have;</li>
 *   <li>{@code wrong-type}: for example a string for a number or an object for an array;</li>
 *   <li>{@code invalid-value}: right JSON type, wrong content (unknown enum constant, bad date, out of range);</li>
 *   <li>the rules of a {@link DomainException} thrown by the type's constructor, with the field path
 *       prefixed by where that object sits in the body.</li>
 * </ul>
 */
public final class RequestBodies {

    /** The largest JSON body (a template may carry a 512 KiB logo as base64 and a 256 KiB stylesheet). */
    public static final long MAX_BYTES = 2_000_000L;
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Pattern JSON_MEDIA_TYPE = Pattern.compile("application/(?:[a-z0-9.+-]+\\+)?json");

    private RequestBodies() {
    }

    /**
     * The body bound to {@code type}.
     *
     * @throws UnsupportedMediaTypeResponse (415) unless the content type is JSON
     * @throws DomainException              INVALID_INPUT (400) for an empty, malformed or ill-typed body
     */
    public static <T> T read(Context ctx, Class<T> type) {
        requireJsonContentType(ctx.contentType());
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw ProblemMapping.refusedUnread(ctx, "the request body is larger than " + MAX_BYTES + " bytes");
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw DomainException.invalid(JsonViolations.ROOT, "required", "request body is required");
        }
        // Parse first, bind second: syntax errors are reported before type errors, and a binding
        // failure can be judged by the node that caused it.
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonViolations.malformed(e);
        }
        if (tree.isNull()) {
            throw DomainException.invalid(JsonViolations.ROOT, "required", "request body must not be null");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("cannot bind request bodies to " + type.getName(), e);
        } catch (JsonProcessingException e) {
            throw JsonViolations.binding(e, tree, MAPPER);
        }
    }

    private static void requireJsonContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON_MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new UnsupportedMediaTypeResponse("Content-Type must be application/json");
        }
    }
}
