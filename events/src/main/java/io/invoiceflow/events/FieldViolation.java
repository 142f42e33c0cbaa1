package io.invoiceflow.events;

/**
 * One broken rule on one field of a request.
 *
 * @param field   JSON path of the field, for example {@code lines[2].vatRate}
 * @param rule    short stable rule name, for example {@code required}, {@code min}, {@code one-of}
 * @param message plain-language explanation
 */
public record FieldViolation(String field, String rule, String message) {
}
