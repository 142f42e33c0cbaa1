package io.invoiceflow.events.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;

import java.util.regex.Pattern;

/** The name of a tenant's template, unique within the tenant: 1-64 letters, digits, '.', '_' or '-'. */
public record TemplateName(String value) {
    /** How a layout reference names a saved template: {@code custom:<name>}. */
    public static final String LAYOUT_PREFIX = "custom:";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @JsonCreator
    public TemplateName {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("templateName", "format",
                    "templateName must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The layout reference that chooses this template: {@code custom:<name>}. */
    public String layoutRef() {
        return LAYOUT_PREFIX + value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
