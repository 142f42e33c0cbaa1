package io.invoiceflow.commands.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.SupplierSettings;
import io.invoiceflow.documents.email.EmailTemplate;
import io.invoiceflow.documents.pdf.Customisation;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.settings.DocumentTemplate;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.TemplateKind;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantProfile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What rendering and sending a tenant's document needs from its distribution settings, read from the write side's
 * tables in one query (strongly consistent: a settings change is seen by the next document), plus the template's
 * logo and stylesheet from the content store when they are not cached. Used by the distribution workers and by the
 * PDF download, so both render the same file. Thread-safe.
 */
public final class TenantDistributionSettings {
    /** How many built templates are kept (least recently used are dropped); each holds its logo and stylesheet. */
    static final int TEMPLATE_CACHE_SIZE = 64;

    private final SettingsDirectory directory;
    private final ObjectMapper json = EventJson.mapper();
    /** The last parsed settings of each tenant, reused while the version and the profile are unchanged. */
    private final Map<TenantId, Parsed> parsed = new ConcurrentHashMap<>();
    /** Templates built from their definition: the definition names its content by hash, so an entry never goes stale. */
    private final Map<DocumentTemplate, Template> templates = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<DocumentTemplate, Template> eldest) {
            return size() > TEMPLATE_CACHE_SIZE;
        }
    };

    public TenantDistributionSettings(SettingsDirectory directory) {
        this.directory = directory;
    }

    /**
     * The settings a document of {@code kind} to {@code customer} is sent with.
     *
     * @param supplier       the payment settings as documents show them (the tenant's notification email when
     *                       they name no contact email)
     * @param template       what to render the PDF with: the customer's rule (invoices and credit notes), else the
     *                       tenant's default for the kind
     * @param layout         the layout's name for the log: {@code classic}, ..., or {@code custom:<templateName>}
     * @param emailTemplates the tenant's email texts for the kind, by language (ISO 639-1)
     * @param senderAccount  the tenant's SMTP account with its sealed password; empty: the system sender
     */
    public record ForSending(SupplierSettings supplier, Template template, String layout,
                             Map<String, EmailTemplate> emailTemplates, Optional<StoredAccount> senderAccount) {
    }

    /** A sender account and its password as stored: sealed with the installation key, or null when it has none. */
    public record StoredAccount(SenderAccount account, String sealedPassword) {
        @Override
        public String toString() {
            return "StoredAccount[account=" + account + ", password=" + (sealedPassword == null ? "none" : "sealed") + "]";
        }
    }

    /**
     * @param customer the document's customer number; null when it has none
     * @throws DomainException NOT_FOUND for an unknown tenant
     */
    public ForSending forSending(TenantId tenant, CustomerNumber customer, DocumentKind kind) {
        return forSending(tenant, customer, kind, null);
    }

    /**
     * The settings a document is sent or downloaded with, in the layout the user picked (S2: for an order the user
     * picks one).
     *
     * @param chosenLayout a standard layout or {@code custom:<templateName>}; null: the customer's rule or the default
     * @throws DomainException INVALID_INPUT naming {@code layout} for a name that is no layout, UNKNOWN_REFERENCE for
     *                         a template the tenant does not have
     */
    public ForSending forSending(TenantId tenant, CustomerNumber customer, DocumentKind kind, String chosenLayout) {
        SettingsDirectory.SendingRow row = directory.sendingRow(tenant, customer)
                .orElseThrow(() -> DomainException.notFound("tenant " + tenant));
        Parsed settings = parsed(tenant, row);
        DocumentType type = typeOf(kind);
        String layout = chosenLayout != null ? chosen(settings.state(), chosenLayout)
                : kind != DocumentKind.ORDER && row.customerLayout() != null ? row.customerLayout()
                : settings.state().defaultLayout(type);
        Map<String, EmailTemplate> texts = settings.state().emailTemplates().stream()
                .filter(t -> t.documentType() == type)
                .collect(Collectors.toUnmodifiableMap(EmailText::language, t -> new EmailTemplate(t.subject(), t.body())));
        Optional<StoredAccount> account = Optional.ofNullable(settings.state().senderAccount())
                .map(a -> new StoredAccount(a, row.sealedPassword()));
        return new ForSending(Payments.supplier(settings.state().payment(), settings.profile().notificationEmail()),
                template(settings.state(), layout), layout, texts, account);
    }

    /** A saved template of the tenant, ready to render (for a preview). */
    public Optional<Template> template(TenantId tenant, TemplateName name) {
        return directory.settings(tenant).flatMap(s -> s.state().template(name)).map(this::built);
    }

    /**
     * Checks a layout a user picked (S2: for an order), as {@link #forSending(TenantId, CustomerNumber, DocumentKind,
     * String)} would.
     *
     * @throws DomainException INVALID_INPUT naming {@code layout} for a name that is no layout, UNKNOWN_REFERENCE for
     *                         a template the tenant does not have
     */
    public void checkLayout(TenantId tenant, String layout) {
        chosen(directory.settings(tenant).map(SettingsDirectory.Versioned::state).orElse(SettingsState.INITIAL), layout);
    }

    /** The tenant's sender account with its sealed password, if it has one. */
    public Optional<StoredAccount> senderAccount(TenantId tenant) {
        return directory.settings(tenant).map(s -> s.state().senderAccount()).filter(Objects::nonNull)
                .map(a -> new StoredAccount(a, directory.sealedPassword(tenant).orElse(null)));
    }

    private static String chosen(SettingsState state, String layout) {
        return switch (LayoutRef.of(state, layout)) {
            case STANDARD, SAVED_TEMPLATE -> layout;
            case NOT_A_LAYOUT -> throw DomainException.invalid("layout", "one-of", "layout must be one of "
                    + LayoutRef.ACCEPTED);
            case UNKNOWN_TEMPLATE -> throw DomainException.unknownReference("layout", "the tenant has no template "
                    + layout.substring(LayoutRef.CUSTOM_PREFIX.length()));
        };
    }

    private Template template(SettingsState state, String layout) {
        if (!layout.startsWith(LayoutRef.CUSTOM_PREFIX)) {
            return Template.standard(Layout.of(layout));
        }
        TemplateName name = new TemplateName(layout.substring(LayoutRef.CUSTOM_PREFIX.length()));
        return built(state.template(name)
                .orElseThrow(() -> new IllegalStateException("layout " + layout + " names no template")));
    }

    private Template built(DocumentTemplate definition) {
        synchronized (templates) {
            Template cached = templates.get(definition);
            if (cached != null) {
                return cached;
            }
        }
        byte[] logo = definition.logo() == null ? null : content(definition.logo());
        Customisation customisation = Customisation.of(logo, definition.primaryColor(), definition.accentColor(),
                definition.footerText(), definition.paymentNote());
        Template template = definition.kind() == TemplateKind.CUSTOM
                ? new Template.Custom(new String(content(definition.xslt()), StandardCharsets.UTF_8), customisation)
                : new Template.Standard(Layout.of(definition.baseLayout()), customisation);
        synchronized (templates) {
            templates.put(definition, template);
        }
        return template;
    }

    private byte[] content(ContentRef ref) {
        return directory.content(ref.sha256())
                .orElseThrow(() -> new IllegalStateException("content " + ref.sha256() + " is missing from the store"));
    }

    private record Parsed(Long version, String profileJson, TenantProfile profile, SettingsState state) {
    }

    private Parsed parsed(TenantId tenant, SettingsDirectory.SendingRow row) {
        Parsed cached = parsed.get(tenant);
        if (cached != null && Objects.equals(cached.version(), row.version())
                && cached.profileJson().equals(row.profileJson())) {
            return cached;
        }
        SettingsState state = row.version() == null ? SettingsState.INITIAL : directory.read(row.settingsJson());
        Parsed fresh = new Parsed(row.version(), row.profileJson(), profile(row.profileJson()), state);
        parsed.put(tenant, fresh);
        return fresh;
    }

    private TenantProfile profile(String profileJson) {
        try {
            return json.readValue(profileJson, TenantProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable tenant profile", e);
        }
    }

    static DocumentType typeOf(DocumentKind kind) {
        return switch (kind) {
            case INVOICE -> DocumentType.INVOICE;
            case CREDIT_NOTE -> DocumentType.CREDIT_NOTE;
            case ORDER -> DocumentType.ORDER;
        };
    }
}
