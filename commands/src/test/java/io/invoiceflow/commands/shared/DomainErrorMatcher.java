package io.invoiceflow.commands.shared;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Matches a {@link DomainException} by its stable code and, optionally, by the fields and rules it
 * blames (never by its message: STYLE.md point 7). For {@code ResultValidator.expectException}.
 */
public final class DomainErrorMatcher extends TypeSafeDiagnosingMatcher<DomainException> {
    private final ErrorCode code;
    private final List<String> expected = new ArrayList<>();
    private boolean onlyThese;

    private DomainErrorMatcher(ErrorCode code) {
        this.code = code;
    }

    public static DomainErrorMatcher domainError(ErrorCode code) {
        return new DomainErrorMatcher(code);
    }

    /** The exception blames {@code field} for breaking {@code rule} (among possibly others). */
    public DomainErrorMatcher withViolation(String field, String rule) {
        expected.add(key(field, rule));
        return this;
    }

    /** The exception blames exactly the fields named by {@link #withViolation}, no more. */
    public DomainErrorMatcher andNoOtherViolation() {
        onlyThese = true;
        return this;
    }

    @Override
    protected boolean matchesSafely(DomainException e, Description mismatch) {
        List<String> actual = e.violations().stream().map(v -> key(v.field(), v.rule())).toList();
        boolean ok = e.code() == code && actual.containsAll(expected)
                && (!onlyThese || actual.size() == expected.size());
        if (!ok) {
            mismatch.appendText("was " + e.code() + " with violations " + actual + " (\"" + e.getMessage() + "\")");
        }
        return ok;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a DomainException " + code
                + (expected.isEmpty() ? "" : " with " + (onlyThese ? "exactly " : "") + "violations " + expected));
    }

    private static String key(String field, String rule) {
        return field + " " + rule;
    }

    /** For assertion messages outside Hamcrest. */
    public static String describe(List<FieldViolation> violations) {
        return violations.stream().map(v -> key(v.field(), v.rule())).collect(Collectors.joining(", ", "[", "]"));
    }
}
