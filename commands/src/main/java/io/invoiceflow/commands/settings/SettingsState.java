package io.invoiceflow.commands.settings;

import io.invoiceflow.events.settings.CustomerLayoutRemoved;
import io.invoiceflow.events.settings.CustomerLayoutSet;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DefaultLayoutsChanged;
import io.invoiceflow.events.settings.DistributionSettingsEvent;
import io.invoiceflow.events.settings.DocumentTemplate;
import io.invoiceflow.events.settings.DocumentTemplateRemoved;
import io.invoiceflow.events.settings.DocumentTemplateSaved;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.EmailTemplateRemoved;
import io.invoiceflow.events.settings.EmailTemplateSaved;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.PaymentSettingsChanged;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SenderAccountRemoved;
import io.invoiceflow.events.settings.SenderAccountSet;
import io.invoiceflow.events.settings.TemplateName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tenant's distribution settings after its events, without the per-customer layout rules (those are rows of
 * their own). The aggregate decides on it and the directory keeps it as JSON for the readers; both fold the events
 * with {@link #apply}. Before the first event: {@link #INITIAL}.
 *
 * @param templates      the tenant's templates by name, sorted
 * @param emailTemplates the email texts, sorted by kind of document and language
 * @param senderAccount  the tenant's SMTP account; null: the system sender
 * @param passwordSet    whether a password is stored for the account
 */
public record SettingsState(PaymentSettings payment, DefaultLayouts defaultLayouts,
                            Map<String, DocumentTemplate> templates, List<EmailText> emailTemplates,
                            SenderAccount senderAccount, boolean passwordSet) {
    public static final SettingsState INITIAL = new SettingsState(PaymentSettings.NONE, DefaultLayouts.STANDARD,
            Map.of(), List.of(), null, false);
    private static final Comparator<EmailText> BY_KIND_AND_LANGUAGE = Comparator.comparing(EmailText::documentType)
            .thenComparing(EmailText::language);

    public SettingsState {
        templates = Collections.unmodifiableMap(new TreeMap<>(templates));
        List<EmailText> sorted = new ArrayList<>(emailTemplates);
        sorted.sort(BY_KIND_AND_LANGUAGE);
        emailTemplates = List.copyOf(sorted);
    }

    /** The state after {@code event}. */
    public SettingsState apply(DistributionSettingsEvent event) {
        if (event instanceof PaymentSettingsChanged e) {
            return new SettingsState(e.settings(), defaultLayouts, templates, emailTemplates, senderAccount, passwordSet);
        }
        if (event instanceof DefaultLayoutsChanged e) {
            return new SettingsState(payment, e.layouts(), templates, emailTemplates, senderAccount, passwordSet);
        }
        if (event instanceof DocumentTemplateSaved e) {
            Map<String, DocumentTemplate> changed = new TreeMap<>(templates);
            changed.put(e.templateName().value(), e.template());
            return new SettingsState(payment, defaultLayouts, changed, emailTemplates, senderAccount, passwordSet);
        }
        if (event instanceof DocumentTemplateRemoved e) {
            Map<String, DocumentTemplate> changed = new TreeMap<>(templates);
            changed.remove(e.templateName().value());
            return new SettingsState(payment, defaultLayouts, changed, emailTemplates, senderAccount, passwordSet);
        }
        if (event instanceof EmailTemplateSaved e) {
            List<EmailText> changed = without(e.documentType(), e.language());
            changed.add(new EmailText(e.documentType(), e.language(), e.name(), e.subject(), e.body()));
            return new SettingsState(payment, defaultLayouts, templates, changed, senderAccount, passwordSet);
        }
        if (event instanceof EmailTemplateRemoved e) {
            return new SettingsState(payment, defaultLayouts, templates, without(e.documentType(), e.language()),
                    senderAccount, passwordSet);
        }
        if (event instanceof SenderAccountSet e) {
            return new SettingsState(payment, defaultLayouts, templates, emailTemplates, e.account(), e.passwordSet());
        }
        if (event instanceof SenderAccountRemoved) {
            return new SettingsState(payment, defaultLayouts, templates, emailTemplates, null, false);
        }
        if (event instanceof CustomerLayoutSet || event instanceof CustomerLayoutRemoved) {
            return this;
        }
        throw new IllegalArgumentException("unknown settings event " + event.getClass().getName());
    }

    public Optional<DocumentTemplate> template(TemplateName name) {
        return Optional.ofNullable(templates.get(name.value()));
    }

    public Optional<EmailText> emailTemplate(DocumentType type, String language) {
        return emailTemplates.stream().filter(t -> t.documentType() == type && t.language().equals(language)).findFirst();
    }

    /** The default layout of a kind of document. */
    public String defaultLayout(DocumentType type) {
        return switch (type) {
            case INVOICE -> defaultLayouts.invoice();
            case CREDIT_NOTE -> defaultLayouts.creditNote();
            case ORDER -> defaultLayouts.order();
        };
    }

    private List<EmailText> without(DocumentType type, String language) {
        List<EmailText> rest = new ArrayList<>(emailTemplates);
        rest.removeIf(t -> t.documentType() == type && t.language().equals(language));
        return rest;
    }
}
