package io.invoiceflow.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoiceflow.events.FieldViolation;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem detail, sent as {@value #CONTENT_TYPE}.
 *
 * @param type      {@code https://invoiceflow.io/problems/<code in kebab case>}
 * @param title     short summary of the problem type, derived from the code
 * @param status    the HTTP status
 * @param detail    what went wrong in this occurrence; never internal details
 * @param instance  the request path
 * @param code      stable machine-readable code: an {@link io.invoiceflow.events.ErrorCode} name or,
 *                  for HTTP-level problems, the status name such as {@code METHOD_NOT_ALLOWED}
 * @param requestId the request's id, also in the {@code X-Request-Id} response header
 * @param errors    one entry per field that broke a rule; empty when no field is to blame
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
                      String code, String requestId, List<FieldViolation> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://invoiceflow.io/problems/";

    public Problem {
        errors = List.copyOf(errors);
    }

    /** A problem whose type and title derive from {@code code}: {@code INVALID_INPUT} gives {@code .../invalid-input}, "Invalid input". */
    static Problem of(String code, int status, String detail, String instance, String requestId,
                      List<FieldViolation> errors) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        URI type = URI.create(TYPE_BASE + words.replace(' ', '-'));
        return new Problem(type, title, status, detail, instance, code, requestId, errors);
    }
}
