package io.invoiceflow.web.http;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * The one exception-to-HTTP mapping of the API. Every failure leaves as an RFC 9457
 * {@code application/problem+json} body: a {@link DomainException} by its {@link ErrorCode}, Javalin's
 * own {@link HttpResponseException}s (unknown route 404, wrong method 405, body too large 413,
 * wrong content type 415, ...) by their status, a failed Javalin parameter validation
 * ({@code ctx.queryParamAsClass(...).get()}) as INVALID_INPUT, and anything else as a 500 whose detail is generic
 * (the exception message may hold SQL or secrets) and which is logged at ERROR with the request id.
 */
public final class ProblemMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);
    static final String UNEXPECTED_DETAIL = "An unexpected error occurred. Quote the request id when reporting it.";
    /** Key under which Javalin lists a path's methods in a 405's details. */
    private static final String AVAILABLE_METHODS = "availableMethods";
    /**
     * The most of a refused (413) body read and dropped before answering (the largest body a route takes, a
     * 10 MiB CSV file, with room); a larger one, or one still arriving after {@link #DISCARD_TIME}, gets a
     * closed connection.
     */
    static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    static final Duration DISCARD_TIME = Duration.ofSeconds(5);
    private static final String REFUSED_UNREAD = "invoiceflow.refusedUnread";

    private ProblemMapping() {
    }

    /** Routes every exception through {@link #handle}; a known path with a wrong method answers 405, not 404. */
    public static void install(JavalinConfig cfg) {
        cfg.http.prefer405over404 = true;
        // Javalin pre-registers handlers for these, which would win over Exception.
        cfg.routes.exception(HttpResponseException.class, ProblemMapping::handle);
        cfg.routes.exception(ValidationException.class, ProblemMapping::handle);
        cfg.routes.exception(Exception.class, ProblemMapping::handle);
    }

    private static void handle(Exception exception, Context ctx) {
        String requestId = RequestIds.of(ctx);
        Exception e = exception instanceof ValidationException ve ? invalidParameters(ve) : exception;
        Problem problem;
        if (e instanceof DomainException de) {
            problem = Problem.of(de.code().name(), status(de.code()), de.getMessage(), ctx.path(), requestId,
                    de.violations());
        } else if (e instanceof HttpResponseException he) {
            HttpStatus status = HttpStatus.forStatus(he.getStatus());
            String code = status == HttpStatus.UNKNOWN ? "HTTP_" + he.getStatus() : status.name();
            String detail = he.getStatus() >= 500 ? UNEXPECTED_DETAIL : he.getMessage();
            problem = Problem.of(code, he.getStatus(), detail, ctx.path(), requestId, List.of());
            String allow = he.getDetails().get(AVAILABLE_METHODS);
            if (allow != null) {
                ctx.header(Header.ALLOW, allow);
            }
        } else {
            LOG.error("Unexpected failure on {} {} [requestId={}]", ctx.method(), ctx.path(), requestId, e);
            problem = Problem.of(HttpStatus.INTERNAL_SERVER_ERROR.name(), 500, UNEXPECTED_DETAIL, ctx.path(),
                    requestId, List.of());
        }
        if (problem.status() == 401) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.status() == 503) {
            ctx.header(Header.RETRY_AFTER, "1");
        }
        if (problem.status() == 413) {
            discardUnreadBody(ctx);
        }
        ctx.status(problem.status())
                .contentType(Problem.CONTENT_TYPE)
                .result(ctx.jsonMapper().toJsonString(problem, Problem.class));
    }

    /**
     * A 413 decided from the declared {@code Content-Length} before any of the body was read. A client that
     * sent {@code Expect: 100-continue} then has sent nothing, and the refused body is not asked for.
     */
    public static ContentTooLargeResponse refusedUnread(Context ctx, String message) {
        ctx.attribute(REFUSED_UNREAD, Boolean.TRUE);
        return new ContentTooLargeResponse(message);
    }

    /**
     * Reads and drops what is left of a refused body (at most {@link #MAX_DISCARDED_BYTES} and
     * {@link #DISCARD_TIME}), so that a client still sending it gets the 413: closing the connection on unread
     * bytes resets it, and the client, busy writing, sees the reset instead of the answer. Not when the body
     * was refused unread from a client waiting for 100 Continue (reading would ask it for the body).
     */
    private static void discardUnreadBody(Context ctx) {
        String expect = ctx.header(Header.EXPECT);
        boolean waitingForContinue = expect != null && expect.equalsIgnoreCase("100-continue")
                && Boolean.TRUE.equals(ctx.attribute(REFUSED_UNREAD));
        if (waitingForContinue || ctx.req().getContentLengthLong() > MAX_DISCARDED_BYTES) {
            return;
        }
        long deadline = System.nanoTime() + DISCARD_TIME.toNanos();
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long discarded = 0;
            for (int n; discarded < MAX_DISCARDED_BYTES && System.nanoTime() < deadline && (n = in.read(buffer)) != -1; ) {
                discarded += n;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not discard a refused request body on {}", ctx.path(), e);
        }
    }

    /** Javalin's parameter validation failures, keyed by parameter name, as field violations. */
    private static DomainException invalidParameters(ValidationException e) {
        return DomainException.invalid(e.getErrors().entrySet().stream()
                .flatMap(param -> param.getValue().stream().map(error -> violation(param.getKey(), error)))
                .toList());
    }

    private static FieldViolation violation(String name, ValidationError<Object> error) {
        return switch (error.getMessage()) {
            case "TYPE_CONVERSION_FAILED" -> new FieldViolation(name, "wrong-type", "'" + error.value + "' is not a valid " + name);
            case "NULLCHECK_FAILED" -> new FieldViolation(name, "required", name + " is required");
            default -> new FieldViolation(name, "invalid-value", name + " " + error.getMessage());
        };
    }

    /** The HTTP status of each domain error code. */
    private static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, INVOICING_DEACTIVATED, ILLEGAL_STATE -> 409;
            case STALE_VERSION -> 412;
            case UNKNOWN_REFERENCE, INCOMPLETE_INVOICE -> 422;
            case READ_SIDE_UNAVAILABLE -> 503;
        };
    }
}
