package io.invoiceflow.commands.settings;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Languages;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.documents.email.EmailTemplate;
import io.invoiceflow.documents.pdf.Customisation;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.settings.ChangeDefaultLayouts;
import io.invoiceflow.events.settings.ChangePaymentSettings;
import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.settings.CustomerLayoutRemoved;
import io.invoiceflow.events.settings.CustomerLayoutSet;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DefaultLayoutsChanged;
import io.invoiceflow.events.settings.DistributionSettingsCommand;
import io.invoiceflow.events.settings.DistributionSettingsEvent;
import io.invoiceflow.events.settings.DocumentTemplate;
import io.invoiceflow.events.settings.DocumentTemplateRemoved;
import io.invoiceflow.events.settings.DocumentTemplateSaved;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.EmailTemplateRemoved;
import io.invoiceflow.events.settings.EmailTemplateSaved;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.PaymentSettingsChanged;
import io.invoiceflow.events.settings.RemoveCustomerLayout;
import io.invoiceflow.events.settings.RemoveDocumentTemplate;
import io.invoiceflow.events.settings.RemoveEmailTemplate;
import io.invoiceflow.events.settings.RemoveSenderAccount;
import io.invoiceflow.events.settings.SaveDocumentTemplate;
import io.invoiceflow.events.settings.SaveEmailTemplate;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SenderAccountRemoved;
import io.invoiceflow.events.settings.SenderAccountSet;
import io.invoiceflow.events.settings.SetCustomerLayout;
import io.invoiceflow.events.settings.SetSenderAccount;
import io.invoiceflow.events.settings.TemplateKind;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.CustomerNumber;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tenant's distribution settings (H7, S2-S6), one aggregate per tenant ({@code <tenantId>/distribution-settings})
 * created by its first change: every handler creates it when missing. Settings are not invoicing: the S1 switch
 * does not block them. A change to the value already in force records nothing. The rules that need the renderer or
 * the mail module (a template renders the samples, the SMTP host is allowed, the password is sealed) are checked
 * by the sender of the command before it is sent; the rules here are those of the settings themselves: a layout
 * names a standard layout or an existing template, a rule names an existing customer, a template in use is not
 * removed, an email text has only known merge fields, an account with a user has a password (ADR 0190).
 */
public class DistributionSettings {
    /** The most templates a tenant may keep. */
    public static final int MAX_TEMPLATES = 50;
    /** The most email texts a tenant may keep per kind of document (one per language). */
    public static final int MAX_LANGUAGES = 30;
    static final int MAX_NAME = 100;
    static final String XSLT_MEDIA_TYPE = "application/xslt+xml";

    @AggregateIdentifier
    private String id;
    private SettingsState state = SettingsState.INITIAL;
    private final Map<CustomerNumber, String> customerLayouts = new TreeMap<>(Comparator.comparing(CustomerNumber::value));

    protected DistributionSettings() {
        // for Axon, and for the first change of a tenant's settings
    }

    // ---- H7 payment settings

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangePaymentSettings command, Directory directory) {
        TenantRecord tenant = begin(command, directory);
        if (command.settings() == null) {
            throw DomainException.invalid("$", "required", "the payment settings are required");
        }
        PaymentSettings checked = Payments.payment(Payments.supplier(command.settings(), null)
                .validate(tenant.country()));
        if (isNew() || !checked.equals(state.payment())) {
            apply(new PaymentSettingsChanged(command.tenantId(), checked));
        }
    }

    // ---- S2 layouts

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeDefaultLayouts command, Directory directory) {
        begin(command, directory);
        DefaultLayouts layouts = command.layouts();
        if (layouts == null) {
            throw DomainException.invalid("$", "required", "the default layouts are required");
        }
        Violations invalid = new Violations();
        Violations unknown = new Violations();
        checkLayout(invalid, unknown, "invoice", layouts.invoice());
        checkLayout(invalid, unknown, "creditNote", layouts.creditNote());
        checkLayout(invalid, unknown, "order", layouts.order());
        invalid.throwIfAny();
        unknown.throwIfAny(ErrorCode.UNKNOWN_REFERENCE);
        if (isNew() || !layouts.equals(state.defaultLayouts())) {
            apply(new DefaultLayoutsChanged(command.tenantId(), layouts));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetCustomerLayout command, Directory directory) {
        begin(command, directory);
        Violations invalid = new Violations();
        Violations unknown = new Violations();
        invalid.required("customerNumber", command.customerNumber());
        checkLayout(invalid, unknown, "layout", command.layout());
        invalid.throwIfAny();
        if (directory.customer(command.tenantId(), command.customerNumber()).isEmpty()) {
            throw DomainException.notFound("customer " + command.customerNumber());
        }
        unknown.throwIfAny(ErrorCode.UNKNOWN_REFERENCE);
        if (isNew() || !command.layout().equals(customerLayouts.get(command.customerNumber()))) {
            apply(new CustomerLayoutSet(command.tenantId(), command.customerNumber(), command.layout()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveCustomerLayout command, Directory directory) {
        begin(command, directory);
        if (!customerLayouts.containsKey(command.customerNumber())) {
            throw DomainException.notFound("layout rule of customer " + command.customerNumber());
        }
        apply(new CustomerLayoutRemoved(command.tenantId(), command.customerNumber()));
    }

    // ---- S3 templates

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SaveDocumentTemplate command, Directory directory, SettingsDirectory contents) {
        begin(command, directory);
        Violations v = new Violations();
        v.required("templateName", command.templateName());
        boolean custom = command.xslt() != null;
        if (custom && command.baseLayout() != null) {
            v.add("baseLayout", "exclusive", "give either baseLayout (a standard layout to change) or xslt (your own"
                    + " stylesheet), not both");
        } else if (!custom && command.baseLayout() == null) {
            v.add("baseLayout", "required", "baseLayout (" + String.join(", ", LayoutRef.STANDARD_IDS)
                    + ") or xslt (your own stylesheet) is required");
        } else if (!custom && !LayoutRef.STANDARD_IDS.contains(command.baseLayout())) {
            v.add("baseLayout", "one-of", "baseLayout must be one of " + String.join(", ", LayoutRef.STANDARD_IDS));
        }
        if (custom && command.xslt().isBlank()) {
            v.add("xslt", "required", "xslt must not be empty");
        } else if (custom && command.xslt().length() > Template.MAX_XSLT_CHARS) {
            v.add("xslt", "max-length", "xslt must be at most " + Template.MAX_XSLT_CHARS + " characters");
        }
        Customisation customisation = null;
        try {
            customisation = Customisation.of(command.logo(), command.primaryColor(), command.accentColor(),
                    command.footerText(), command.paymentNote());
        } catch (DomainException e) {
            e.violations().forEach(f -> v.add(f.field(), f.rule(), f.message()));
        }
        v.throwIfAny();
        Optional<DocumentTemplate> existing = state.template(command.templateName());
        if (existing.isEmpty() && state.templates().size() >= MAX_TEMPLATES) {
            throw DomainException.illegalState("a tenant can keep at most " + MAX_TEMPLATES
                    + " templates; remove one first");
        }
        byte[] xslt = custom ? command.xslt().getBytes(StandardCharsets.UTF_8) : null;
        ContentRef xsltRef = xslt == null ? null
                : new ContentRef(SettingsDirectory.sha256(xslt), XSLT_MEDIA_TYPE, xslt.length);
        ContentRef logoRef = customisation.logo() == null ? null : new ContentRef(customisation.logo().sha256(),
                customisation.logo().mediaType(), command.logo().length);
        DocumentTemplate template = new DocumentTemplate(custom ? TemplateKind.CUSTOM : TemplateKind.STANDARD,
                command.baseLayout(), xsltRef, logoRef, customisation.primaryColor(), customisation.accentColor(),
                customisation.footerText(), customisation.paymentNote());
        if (!isNew() && existing.equals(Optional.of(template))) {
            return;
        }
        if (xslt != null) {
            contents.storeContent(xslt, XSLT_MEDIA_TYPE);
        }
        if (logoRef != null) {
            contents.storeContent(command.logo(), logoRef.mediaType());
        }
        apply(new DocumentTemplateSaved(command.tenantId(), command.templateName(), template));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveDocumentTemplate command, Directory directory) {
        begin(command, directory);
        if (state.template(command.templateName()).isEmpty()) {
            throw DomainException.notFound("template " + command.templateName());
        }
        List<String> users = usersOf(command.templateName());
        if (!users.isEmpty()) {
            throw DomainException.illegalState("template " + command.templateName() + " is in use as "
                    + String.join(", ", users) + "; choose another layout there first");
        }
        apply(new DocumentTemplateRemoved(command.tenantId(), command.templateName()));
    }

    // ---- S4 email templates

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SaveEmailTemplate command, Directory directory) {
        begin(command, directory);
        Violations v = new Violations();
        v.required("documentType", command.documentType());
        Languages.check(v, "language", command.language(), true);
        if (v.text("name", command.name(), MAX_NAME) && command.name().chars().anyMatch(Character::isISOControl)) {
            v.add("name", "single-line", "name must be one line without control characters");
        }
        try {
            new EmailTemplate(command.subject(), command.body()).validate();
        } catch (DomainException e) {
            e.violations().forEach(f -> v.add(f.field(), f.rule(), f.message()));
        }
        v.throwIfAny();
        Optional<EmailText> existing = state.emailTemplate(command.documentType(), command.language());
        long languages = state.emailTemplates().stream().filter(t -> t.documentType() == command.documentType()).count();
        if (existing.isEmpty() && languages >= MAX_LANGUAGES) {
            throw DomainException.illegalState("a tenant can keep email texts in at most " + MAX_LANGUAGES
                    + " languages per kind of document; remove one first");
        }
        EmailText text = new EmailText(command.documentType(), command.language(), command.name().strip(),
                command.subject(), command.body());
        if (isNew() || !existing.equals(Optional.of(text))) {
            apply(new EmailTemplateSaved(command.tenantId(), text.documentType(), text.language(), text.name(),
                    text.subject(), text.body()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveEmailTemplate command, Directory directory) {
        begin(command, directory);
        if (command.documentType() == null || state.emailTemplate(command.documentType(), command.language()).isEmpty()) {
            throw DomainException.notFound("email template " + command.documentType() + "/" + command.language());
        }
        apply(new EmailTemplateRemoved(command.tenantId(), command.documentType(), command.language()));
    }

    // ---- S6 sender account

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetSenderAccount command, Directory directory, SettingsDirectory secrets) {
        begin(command, directory);
        SenderAccount account = command.account();
        if (account == null) {
            throw DomainException.invalid("$", "required", "the sender account is required");
        }
        Violations v = new Violations();
        v.text("accountName", account.accountName(), MAX_NAME);
        v.optionalText("displayName", account.displayName(), MAX_NAME);
        v.email("fromAddress", account.fromAddress());
        v.optionalText("user", account.user(), 256);
        v.text("host", account.host(), 253);
        if (account.port() < 1 || account.port() > 65535) {
            v.add("port", "range", "port must be from 1 to 65535");
        }
        v.required("encryption", account.encryption());
        boolean hasUser = account.user() != null;
        if (hasUser && command.sealedPassword() == null && !state.passwordSet()) {
            v.add("password", "required", "password is required when a user is given");
        }
        if (!hasUser && command.sealedPassword() != null) {
            v.add("password", "requires-user", "a password needs a user: give the user too, or leave the password out");
        }
        v.throwIfAny();
        boolean passwordChanged = command.sealedPassword() != null || state.passwordSet() && !hasUser;
        if (!isNew() && account.equals(state.senderAccount()) && !passwordChanged) {
            return;
        }
        if (command.sealedPassword() != null) {
            secrets.storeSealedPassword(command.tenantId(), command.sealedPassword());
        } else if (!hasUser) {
            secrets.erasePassword(command.tenantId());
        }
        apply(new SenderAccountSet(command.tenantId(), account, hasUser, passwordChanged));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveSenderAccount command, Directory directory, SettingsDirectory secrets) {
        begin(command, directory);
        if (state.senderAccount() == null) {
            throw DomainException.notFound("sender account (mail goes from the system sender)");
        }
        secrets.erasePassword(command.tenantId());
        apply(new SenderAccountRemoved(command.tenantId(), state.senderAccount().accountName()));
    }

    // ---- rules

    /** The tenant must exist; when the client names the version it saw, it must be the current one. */
    private static TenantRecord begin(DistributionSettingsCommand command, Directory directory) {
        TenantRecord tenant = directory.requireTenant(Objects.requireNonNull(command.tenantId(), "tenantId"));
        Guards.ensureVersion(command.expectedVersion());
        return tenant;
    }

    private boolean isNew() {
        return id == null;
    }

    /** A standard layout, or {@code custom:<name>} of an existing template (else a violation in {@code unknown}). */
    private void checkLayout(Violations invalid, Violations unknown, String field, String layout) {
        if (layout == null) {
            invalid.add(field, "required", field + " is required");
            return;
        }
        switch (LayoutRef.of(state, layout)) {
            case NOT_A_LAYOUT -> invalid.add(field, "layout", field + " must be " + LayoutRef.ACCEPTED);
            case UNKNOWN_TEMPLATE -> unknown.add(field, "exists", "there is no template "
                    + layout.substring(LayoutRef.CUSTOM_PREFIX.length()) + "; save it first");
            case STANDARD, SAVED_TEMPLATE -> {
            }
        }
    }

    /** Where a template is chosen: defaults and customer rules (at most five customers named). */
    private List<String> usersOf(TemplateName name) {
        String ref = name.layoutRef();
        List<String> users = new ArrayList<>();
        for (DocumentType type : DocumentType.values()) {
            if (ref.equals(state.defaultLayout(type))) {
                users.add("the " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " default");
            }
        }
        List<String> customers = customerLayouts.entrySet().stream().filter(e -> e.getValue().equals(ref))
                .map(e -> e.getKey().value()).toList();
        if (!customers.isEmpty()) {
            users.add("the rule of customer " + String.join(", ", customers.subList(0, Math.min(5, customers.size())))
                    + (customers.size() > 5 ? " and " + (customers.size() - 5) + " more" : ""));
        }
        return users;
    }

    @EventSourcingHandler
    void on(DistributionSettingsEvent event) {
        if (id == null) {
            id = DistributionSettingsCommand.aggregateId(event.tenantId());
        }
        state = state.apply(event);
        if (event instanceof CustomerLayoutSet e) {
            customerLayouts.put(e.customerNumber(), e.layout());
        } else if (event instanceof CustomerLayoutRemoved e) {
            customerLayouts.remove(e.customerNumber());
        }
    }
}
