package io.invoiceflow.web.api;

import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.SaveDocumentTemplate;
import io.invoiceflow.events.settings.SetSenderAccount;
import io.invoiceflow.events.settings.SmtpEncryption;
import io.invoiceflow.events.settings.TemplateKind;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's distribution settings (H7, S2-S6) as the API shows them, read from the write side (a change is seen by
 * the next read), and the work the API needs from the renderer and the mail module before it sends a settings
 * command: rendering a template, sealing a password, checking an SMTP host, sending a test email. A view's version
 * is the settings' version (-1 before their first change).
 */
public interface Settings {

    /** The version of the tenant's settings: -1 before their first change. */
    long version(TenantId tenant);

    Versioned<PaymentSettings> payment(TenantId tenant);

    /** The default layouts, the customer rules and the layouts there are to choose from. */
    Versioned<Layouts> layouts(TenantId tenant);

    /** One customer's rule. */
    Optional<Versioned<CustomerLayout>> customerLayout(TenantId tenant, String customerNumber);

    /** The templates without their content. */
    Versioned<TemplateList> templates(TenantId tenant);

    /** One template with its stylesheet and logo, and where it is used. */
    Optional<Versioned<TemplateView>> template(TenantId tenant, TemplateName name);

    Versioned<EmailTemplateList> emailTemplates(TenantId tenant);

    Optional<Versioned<EmailTemplateView>> emailTemplate(TenantId tenant, DocumentType type, String language);

    /** Every merge field of email texts. */
    List<EmailField> emailFields();

    /** The sender account without its password; empty: mail goes from the system sender. */
    Optional<Versioned<SenderAccountView>> senderAccount(TenantId tenant);

    /**
     * The command that saves a template, after the template rendered the sample documents: a broken one is refused
     * naming the field ({@code xslt}, {@code logo}, {@code baseLayout}, ...) and the reason.
     */
    SaveDocumentTemplate templateCommand(TenantId tenant, TemplateName name, Requests.TemplateBody body,
                                         Long expectedVersion);

    /**
     * The sample invoice rendered with the saved template {@code name} or, when {@code unsaved} is given, with that
     * template body; in {@code language} (nb, sv, en; null: the tenant's language). Empty when nothing is saved under
     * the name and no body is given.
     */
    Optional<byte[]> preview(TenantId tenant, TemplateName name, Requests.TemplateBody unsaved, String language);

    /** The command that sets the sender account, after its fields and host were checked, with the new password sealed. */
    SetSenderAccount senderAccountCommand(TenantId tenant, Requests.SenderAccountBody body, Long expectedVersion);

    /** S6 "send test email" through the tenant's account: the server's answer or why it failed. Empty: no account. */
    Optional<TestEmailResult> sendTestEmail(TenantId tenant, String to);

    // ---- views

    /**
     * @param defaults  the layout of each kind of document
     * @param customers the customer rules, by customer number
     * @param available every layout there is to choose: the standard ones and {@code custom:<name>} per template
     */
    record Layouts(DefaultLayouts defaults, List<CustomerLayout> customers, List<String> available) {
    }

    record CustomerLayout(String customerNumber, String layout) {
    }

    record TemplateList(List<TemplateSummary> items) {
    }

    /**
     * A template without its content: {@code xslt} and {@code logo} describe the stored content. {@code usedBy}:
     * where it is chosen ({@code default:invoice}, {@code default:creditNote}, {@code default:order},
     * {@code customer:<number>}).
     */
    record TemplateSummary(String templateName, String layout, TemplateKind kind, String baseLayout, ContentRef xslt,
                           ContentRef logo, String primaryColor, String accentColor, String footerText,
                           String paymentNote, List<String> usedBy) {
    }

    /** A template with its content: the stylesheet as text, the logo in base64 (as a PUT takes them). */
    record TemplateView(String templateName, String layout, TemplateKind kind, String baseLayout, String xslt,
                        String logo, String logoMediaType, String primaryColor, String accentColor, String footerText,
                        String paymentNote, List<String> usedBy) {
    }

    record EmailTemplateList(List<EmailTemplateView> items) {
    }

    /** @param documentType {@code invoice}, {@code credit-note} or {@code order} */
    record EmailTemplateView(String documentType, String language, String name, String subject, String body) {
    }

    record EmailField(String field, String placeholder, String description) {
    }

    /** The sender account; never its password, only whether one is stored. */
    record SenderAccountView(String accountName, String displayName, String fromAddress, String user, String host,
                             int port, SmtpEncryption encryption, boolean passwordSet) {
    }

    /**
     * @param success     whether the server accepted the test email
     * @param replyCode   the server's last reply code, if it answered
     * @param reply       its text
     * @param error       the error code when it failed (docs/distribution-errors.md)
     * @param explanation one line for the user; never the password
     */
    record TestEmailResult(boolean success, Integer replyCode, String reply, String error, String explanation) {
    }
}
