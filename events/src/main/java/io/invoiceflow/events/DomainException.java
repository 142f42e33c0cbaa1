package io.invoiceflow.events;

import java.util.List;
import java.util.Objects;

/**
 * A refused command or query. Carries a stable {@link ErrorCode} and, where fields of the
 * request are to blame, one {@link FieldViolation} per broken rule.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldViolation> violations;

    public DomainException(ErrorCode code, String message, List<FieldViolation> violations) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.violations = List.copyOf(violations);
    }

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    /** One field broke one rule. */
    public static DomainException invalid(String field, String rule, String message) {
        return new DomainException(ErrorCode.INVALID_INPUT, message, List.of(new FieldViolation(field, rule, message)));
    }

    /** Several fields broke rules; the message summarises. */
    public static DomainException invalid(List<FieldViolation> violations) {
        String message = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new DomainException(ErrorCode.INVALID_INPUT, message, violations);
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static DomainException unknownReference(String field, String message) {
        return new DomainException(ErrorCode.UNKNOWN_REFERENCE, message,
                List.of(new FieldViolation(field, "exists", message)));
    }

    public static DomainException illegalState(String message) {
        return new DomainException(ErrorCode.ILLEGAL_STATE, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The fields to blame; empty when the request as a whole was refused. */
    public List<FieldViolation> violations() {
        return violations == null ? List.of() : violations;
    }
}
