package io.invoiceflow.documents.email;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * An email text with merge fields: a one-line subject and a plain-text body. {@code {Name}} is a merge field
 * ({@link MergeField}); {@code {{} and {@code }}} write literal braces. Check it with {@link #validate} before
 * saving it.
 */
public record EmailTemplate(String subject, String body) {
    public static final int MAX_SUBJECT = 255;
    public static final int MAX_BODY = 20_000;

    /**
     * Refuses unknown merge fields and malformed braces (naming the position, counted from 1), a subject on more than
     * one line, and texts that are empty or too long.
     *
     * @return this template
     * @throws DomainException with one violation per problem, on {@code subject} or {@code body}
     */
    public EmailTemplate validate() {
        List<FieldViolation> out = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            out.add(new FieldViolation("subject", "required", "subject is required"));
        } else {
            if (subject.length() > MAX_SUBJECT) {
                out.add(new FieldViolation("subject", "max-length", "subject must be at most " + MAX_SUBJECT + " characters"));
            }
            if (subject.chars().anyMatch(Character::isISOControl)) {
                out.add(new FieldViolation("subject", "single-line", "subject must be one line without control characters"));
            }
            out.addAll(MergeText.problems("subject", subject));
        }
        if (body == null || body.isBlank()) {
            out.add(new FieldViolation("body", "required", "body is required"));
        } else {
            if (body.length() > MAX_BODY) {
                out.add(new FieldViolation("body", "max-length", "body must be at most " + MAX_BODY + " characters"));
            }
            out.addAll(MergeText.problems("body", body));
        }
        if (!out.isEmpty()) {
            throw DomainException.invalid(out);
        }
        return this;
    }
}
