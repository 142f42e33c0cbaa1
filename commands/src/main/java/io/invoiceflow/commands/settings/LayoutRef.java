package io.invoiceflow.commands.settings;

import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.settings.TemplateName;

import java.util.Arrays;
import java.util.List;

/**
 * What a layout reference names for a tenant (S2, S3): a standard layout ({@code classic}, ...), one of the tenant's
 * saved templates ({@code custom:<templateName>}), a template it does not have, or nothing that is a layout. Each
 * caller reports the last two in its own terms.
 */
enum LayoutRef {
    STANDARD, SAVED_TEMPLATE, UNKNOWN_TEMPLATE, NOT_A_LAYOUT;

    static final String CUSTOM_PREFIX = TemplateName.LAYOUT_PREFIX;
    static final List<String> STANDARD_IDS = Arrays.stream(Layout.values()).map(Layout::id).toList();
    /** The accepted forms, for messages: {@code classic, modern, compact or custom:<templateName>}. */
    static final String ACCEPTED = String.join(", ", STANDARD_IDS) + " or " + CUSTOM_PREFIX + "<templateName>";

    static LayoutRef of(SettingsState state, String layout) {
        if (STANDARD_IDS.contains(layout)) {
            return STANDARD;
        }
        if (!layout.startsWith(CUSTOM_PREFIX)) {
            return NOT_A_LAYOUT;
        }
        TemplateName name;
        try {
            name = new TemplateName(layout.substring(CUSTOM_PREFIX.length()));
        } catch (DomainException e) {
            return NOT_A_LAYOUT;
        }
        return state.template(name).isPresent() ? SAVED_TEMPLATE : UNKNOWN_TEMPLATE;
    }
}
