package io.invoiceflow.app.distribution;

import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.settings.EmailText;
import io.invoiceflow.commands.settings.SettingsDirectory;
import io.invoiceflow.commands.settings.SettingsState;
import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.email.EmailTexts;
import io.invoiceflow.documents.pdf.Customisation;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.RenderException;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.settings.DocumentTemplate;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.SaveDocumentTemplate;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SetSenderAccount;
import io.invoiceflow.events.settings.SmtpEncryption;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.streams.distribution.TenantSettings;
import io.invoiceflow.streams.mail.MailAddress;
import io.invoiceflow.streams.mail.Mailer;
import io.invoiceflow.streams.mail.SmtpAccount;
import io.invoiceflow.streams.secrets.Secret;
import io.invoiceflow.streams.secrets.SecretBox;
import io.invoiceflow.streams.secrets.SecretBoxException;
import io.invoiceflow.web.api.Requests;
import io.invoiceflow.web.api.Settings;
import io.invoiceflow.web.api.Versioned;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The API's distribution settings (ADR 0190): views read from the write side's settings tables, and the checks
 * that need the renderer or the mail module before a settings command is sent: a template must render the sample
 * documents, an SMTP account must be complete and its host allowed, and its new password is sealed with the
 * installation key here, so the plain password never reaches the write side. The renderer and the mailer start
 * after the API listens: until then those checks answer 503.
 */
public final class SettingsService implements Settings {
    private final WriteSide writeSide;
    private final SettingsDirectory directory;
    private final TenantDistributionSettings settings;
    private volatile Parts parts;

    private record Parts(PdfRenderer renderer, SecretBox secrets, Mailer mailer) {
    }

    public SettingsService(WriteSide writeSide) {
        this.writeSide = writeSide;
        this.directory = writeSide.settingsDirectory();
        this.settings = writeSide.distributionSettings();
    }

    /** The renderer, the installation key and the mailer are up: templates and accounts can be checked. */
    public void started(PdfRenderer renderer, SecretBox secrets, Mailer mailer) {
        this.parts = new Parts(renderer, secrets, mailer);
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE, "the renderer and the mailer are starting; retry in a moment");
        }
        return p;
    }

    // ---- views

    /** The tenant's settings and their version; the defaults and -1 before the first change. */
    private record Current(SettingsState state, long version) {
    }

    private Current current(TenantId tenant) {
        requireTenant(tenant);
        return directory.settings(tenant).map(s -> new Current(s.state(), s.version()))
                .orElse(new Current(SettingsState.INITIAL, -1));
    }

    private TenantRecord requireTenant(TenantId tenant) {
        return writeSide.directory().requireTenant(tenant);
    }

    @Override
    public long version(TenantId tenant) {
        return current(tenant).version();
    }

    @Override
    public Versioned<PaymentSettings> payment(TenantId tenant) {
        Current c = current(tenant);
        return new Versioned<>(c.state().payment(), c.version());
    }

    @Override
    public Versioned<Layouts> layouts(TenantId tenant) {
        Current c = current(tenant);
        List<String> available = new ArrayList<>(Arrays.stream(Layout.values()).map(Layout::id).toList());
        c.state().templates().keySet().forEach(name -> available.add(new TemplateName(name).layoutRef()));
        return new Versioned<>(new Layouts(c.state().defaultLayouts(), customerLayouts(tenant), available), c.version());
    }

    private List<CustomerLayout> customerLayouts(TenantId tenant) {
        return directory.customerLayouts(tenant).stream()
                .map(r -> new CustomerLayout(r.customerNumber().value(), r.layout())).toList();
    }

    @Override
    public Optional<Versioned<CustomerLayout>> customerLayout(TenantId tenant, String customerNumber) {
        Current c = current(tenant);
        return customerLayouts(tenant).stream().filter(r -> r.customerNumber().equals(customerNumber)).findFirst()
                .map(r -> new Versioned<>(r, c.version()));
    }

    @Override
    public Versioned<TemplateList> templates(TenantId tenant) {
        Current c = current(tenant);
        List<CustomerLayout> rules = customerLayouts(tenant);
        List<TemplateSummary> items = c.state().templates().entrySet().stream().map(e -> {
            DocumentTemplate t = e.getValue();
            TemplateName name = new TemplateName(e.getKey());
            return new TemplateSummary(name.value(), name.layoutRef(), t.kind(), t.baseLayout(), t.xslt(), t.logo(),
                    t.primaryColor(), t.accentColor(), t.footerText(), t.paymentNote(), usedBy(name, c.state(), rules));
        }).toList();
        return new Versioned<>(new TemplateList(items), c.version());
    }

    @Override
    public Optional<Versioned<TemplateView>> template(TenantId tenant, TemplateName name) {
        Current c = current(tenant);
        return c.state().template(name).map(t -> new Versioned<>(new TemplateView(name.value(), name.layoutRef(),
                t.kind(), t.baseLayout(),
                t.xslt() == null ? null : new String(content(t.xslt().sha256()), StandardCharsets.UTF_8),
                t.logo() == null ? null : Base64.getEncoder().encodeToString(content(t.logo().sha256())),
                t.logo() == null ? null : t.logo().mediaType(), t.primaryColor(), t.accentColor(), t.footerText(),
                t.paymentNote(), usedBy(name, c.state(), customerLayouts(tenant))), c.version()));
    }

    private byte[] content(String sha256) {
        return directory.content(sha256).orElseThrow(() -> new IllegalStateException("content " + sha256 + " is missing"));
    }

    /** {@code default:invoice}, {@code default:creditNote}, {@code default:order}, {@code customer:<number>}. */
    private static List<String> usedBy(TemplateName name, SettingsState state, List<CustomerLayout> rules) {
        String ref = name.layoutRef();
        List<String> users = new ArrayList<>();
        if (ref.equals(state.defaultLayouts().invoice())) {
            users.add("default:invoice");
        }
        if (ref.equals(state.defaultLayouts().creditNote())) {
            users.add("default:creditNote");
        }
        if (ref.equals(state.defaultLayouts().order())) {
            users.add("default:order");
        }
        rules.stream().filter(r -> r.layout().equals(ref)).forEach(r -> users.add("customer:" + r.customerNumber()));
        return users;
    }

    @Override
    public Versioned<EmailTemplateList> emailTemplates(TenantId tenant) {
        Current c = current(tenant);
        return new Versioned<>(new EmailTemplateList(c.state().emailTemplates().stream().map(SettingsService::view).toList()),
                c.version());
    }

    @Override
    public Optional<Versioned<EmailTemplateView>> emailTemplate(TenantId tenant, DocumentType type, String language) {
        Current c = current(tenant);
        return c.state().emailTemplate(type, language).map(t -> new Versioned<>(view(t), c.version()));
    }

    private static EmailTemplateView view(EmailText t) {
        String type = switch (t.documentType()) {
            case INVOICE -> "invoice";
            case CREDIT_NOTE -> "credit-note";
            case ORDER -> "order";
        };
        return new EmailTemplateView(type, t.language(), t.name(), t.subject(), t.body());
    }

    @Override
    public List<EmailField> emailFields() {
        return EmailTexts.fields().stream().map(f -> new EmailField(f.field(), f.placeholder(), f.description())).toList();
    }

    @Override
    public Optional<Versioned<SenderAccountView>> senderAccount(TenantId tenant) {
        Current c = current(tenant);
        SenderAccount a = c.state().senderAccount();
        return a == null ? Optional.empty() : Optional.of(new Versioned<>(new SenderAccountView(a.accountName(),
                a.displayName(), a.fromAddress(), a.user(), a.host(), a.port(), a.encryption(), c.state().passwordSet()),
                c.version()));
    }

    // ---- templates

    @Override
    public SaveDocumentTemplate templateCommand(TenantId tenant, TemplateName name, Requests.TemplateBody body,
                                                Long expectedVersion) {
        requireTenant(tenant);
        Checked checked = checked(body);
        try {
            parts().renderer().validate(checked.template());
        } catch (DomainException e) {
            throw blame(e, body);
        }
        return new SaveDocumentTemplate(tenant, name, body.baseLayout(), body.xslt(), checked.logo(), body.primaryColor(),
                body.accentColor(), body.footerText(), body.paymentNote(), expectedVersion);
    }

    @Override
    public Optional<byte[]> preview(TenantId tenant, TemplateName name, Requests.TemplateBody unsaved, String language) {
        TenantRecord record = requireTenant(tenant);
        Language lang = previewLanguage(language, record.profile().defaultLanguage());
        Optional<Template> template = unsaved == null ? settings.template(tenant, name)
                : Optional.of(checked(unsaved).template());
        try {
            return template.map(t -> parts().renderer().preview(t, lang));
        } catch (RenderException e) {
            throw DomainException.invalid(unsaved != null && unsaved.xslt() == null && unsaved.logo() != null ? "logo"
                    : "xslt", "renders", e.getMessage());
        }
    }

    private static Language previewLanguage(String requested, String tenantLanguage) {
        if (requested == null) {
            return Language.of(tenantLanguage);
        }
        return Arrays.stream(Language.values()).filter(l -> l.code().equals(requested)).findFirst()
                .orElseThrow(() -> DomainException.invalid("language", "one-of", "language must be nb, sv or en"));
    }

    /** A template body as the renderer takes it, with its decoded logo. */
    private record Checked(Template template, byte[] logo) {
    }

    private static Checked checked(Requests.TemplateBody body) {
        List<FieldViolation> out = new ArrayList<>();
        byte[] logo = null;
        if (body.logo() != null) {
            try {
                logo = Base64.getMimeDecoder().decode(body.logo());
            } catch (IllegalArgumentException e) {
                out.add(new FieldViolation("logo", "base64", "logo must be a PNG or JPEG image in base64"));
            }
        }
        Layout base = null;
        if (body.xslt() != null && body.baseLayout() != null) {
            out.add(new FieldViolation("baseLayout", "exclusive",
                    "give either baseLayout (a standard layout to change) or xslt (your own stylesheet), not both"));
        } else if (body.xslt() == null && body.baseLayout() == null) {
            out.add(new FieldViolation("baseLayout", "required",
                    "baseLayout (classic, modern or compact) or xslt (your own stylesheet) is required"));
        } else if (body.baseLayout() != null) {
            try {
                base = Layout.of(body.baseLayout());
            } catch (DomainException e) {
                out.add(new FieldViolation("baseLayout", "one-of", "baseLayout must be one of classic, modern, compact"));
            }
        } else if (body.xslt().isBlank()) {
            out.add(new FieldViolation("xslt", "required", "xslt must not be empty"));
        } else if (body.xslt().length() > Template.MAX_XSLT_CHARS) {
            out.add(new FieldViolation("xslt", "max-length", "xslt must be at most " + Template.MAX_XSLT_CHARS
                    + " characters"));
        }
        Customisation customisation = null;
        try {
            customisation = Customisation.of(logo, body.primaryColor(), body.accentColor(), body.footerText(),
                    body.paymentNote());
        } catch (DomainException e) {
            out.addAll(e.violations());
        }
        if (!out.isEmpty()) {
            throw DomainException.invalid(out);
        }
        Template template = base != null ? new Template.Standard(base, customisation)
                : new Template.Custom(body.xslt(), customisation);
        return new Checked(template, logo);
    }

    /** The renderer blames {@code template} for a standard layout: the logo is the only thing that can break it. */
    private static DomainException blame(DomainException e, Requests.TemplateBody body) {
        List<FieldViolation> blamed = e.violations().stream().map(v -> v.field().equals("template")
                ? new FieldViolation(body.logo() != null ? "logo" : "baseLayout", v.rule(), v.message()) : v).toList();
        return DomainException.invalid(blamed);
    }

    // ---- the sender account

    @Override
    public SetSenderAccount senderAccountCommand(TenantId tenant, Requests.SenderAccountBody body, Long expectedVersion) {
        requireTenant(tenant);
        String user = blankToNull(body.user());
        List<FieldViolation> out = new ArrayList<>();
        if (body.port() == null) {
            out.add(new FieldViolation("port", "required", "port is required"));
        }
        if (body.encryption() == null) {
            out.add(new FieldViolation("encryption", "required", "encryption (AUTO, SSL_TLS, STARTTLS or NONE) is required"));
        }
        if (user == null && body.password() != null) {
            out.add(new FieldViolation("password", "requires-user",
                    "a password needs a user: give the user too, or leave the password out"));
        }
        if (!out.isEmpty()) {
            throw DomainException.invalid(out);
        }
        Secret password = body.password() != null ? Secret.of(body.password())
                : user == null ? Secret.empty() : storedPassword(tenant);
        SenderAccount requested = new SenderAccount(body.accountName(), blankToNull(body.displayName()),
                body.fromAddress(), user, body.host(), body.port(), body.encryption());
        SmtpAccount account = SenderAccounts.smtp(requested, password);
        parts().mailer().hostPolicy().check(account.host());
        String sealed = body.password() == null ? null
                : parts().secrets().seal(Secret.of(body.password()), SenderAccounts.context(tenant));
        return new SetSenderAccount(tenant, new SenderAccount(account.accountName(), account.displayName().orElse(null),
                account.fromAddress(), account.user().orElse(null), account.host(), account.port(),
                SmtpEncryption.valueOf(account.encryption().name())), sealed, expectedVersion);
    }

    /** The stored password, to check the account with; empty when there is none. */
    private Secret storedPassword(TenantId tenant) {
        Optional<String> sealed = directory.sealedPassword(tenant);
        if (sealed.isEmpty()) {
            return Secret.empty();
        }
        try {
            return parts().secrets().open(sealed.get(), SenderAccounts.context(tenant));
        } catch (SecretBoxException e) {
            throw DomainException.invalid("password", "required", "the stored password cannot be decrypted by this"
                    + " installation; enter it again");
        }
    }

    @Override
    public Optional<TestEmailResult> sendTestEmail(TenantId tenant, String to) {
        requireTenant(tenant);
        Optional<TenantDistributionSettings.StoredAccount> stored = settings.senderAccount(tenant);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        MailAddress recipient = recipient(to);
        SmtpAccount account;
        try {
            account = SenderAccounts.open(tenant, stored.get(), parts().secrets());
        } catch (TenantSettings.SenderAccountUnusable e) {
            return Optional.of(new TestEmailResult(false, null, null, "SENDER_ACCOUNT_UNUSABLE", e.getMessage()));
        }
        io.invoiceflow.streams.mail.TestEmailResult result = parts().mailer().sendTestEmail(account, recipient);
        return Optional.of(new TestEmailResult(result.success(), result.reply().map(r -> r.code()).orElse(null),
                result.reply().map(r -> r.text()).orElse(null), result.error().map(Enum::name).orElse(null),
                result.explanation()));
    }

    private static MailAddress recipient(String to) {
        if (to == null) {
            throw DomainException.invalid("to", "required", "to is required");
        }
        try {
            return MailAddress.of(to);
        } catch (DomainException e) {
            throw DomainException.invalid("to", "email", "to must be an email address like name@example.com");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
