package io.invoiceflow.commands.tenant;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.pricing.VatRates;
import io.invoiceflow.commands.shared.Addresses;
import io.invoiceflow.commands.shared.Languages;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.tenant.ActivateInvoicing;
import io.invoiceflow.events.tenant.CreateTenant;
import io.invoiceflow.events.tenant.CreateUser;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import io.invoiceflow.events.tenant.InvoicingActivated;
import io.invoiceflow.events.tenant.InvoicingDeactivated;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.events.tenant.UserCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant: a client company with its settings, its users and the S1 invoicing switch. */
public class Tenant {
    /** HubSpot-style defaults: INV-1001, INV-1002, ...; credit notes CN-1001, ... */
    public static final NumberSeries DEFAULT_INVOICE_NUMBERS = new NumberSeries("INV-", 1001);
    public static final NumberSeries DEFAULT_CREDIT_NOTE_NUMBERS = new NumberSeries("CN-", 1001);

    @AggregateIdentifier
    private String id;
    private boolean invoicingActive;
    private final Set<String> userEmails = new HashSet<>();

    protected Tenant() {
        // for Axon
    }

    @CommandHandler
    public Tenant(CreateTenant command) {
        apply(new TenantCreated(command.tenantId(), checked(command.profile())));
    }

    @CommandHandler
    void handle(DeactivateInvoicing command) {
        Violations v = new Violations();
        v.optionalText("reason", command.reason(), 1000);
        v.throwIfAny();
        if (invoicingActive) {
            apply(new InvoicingDeactivated(command.tenantId(), command.reason()));
        }
    }

    @CommandHandler
    void handle(ActivateInvoicing command) {
        if (!invoicingActive) {
            apply(new InvoicingActivated(command.tenantId()));
        }
    }

    @CommandHandler
    void handle(CreateUser command, Directory directory) {
        Violations v = new Violations();
        v.text("name", command.name(), 200);
        v.email("email", command.email());
        if (command.roles() == null || command.roles().isEmpty() || command.roles().stream().anyMatch(Objects::isNull)) {
            v.add("roles", "min-items", "roles must name at least one of ADMIN, ACCOUNTANT, SALES, AUDITOR");
        }
        if (command.apiKeyHash() == null || !command.apiKeyHash().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("CreateUser needs the SHA-256 (hex) of the new API key");
        }
        v.throwIfAny();
        if (userEmails.contains(command.email().toLowerCase(Locale.ROOT))) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS,
                    "a user with email " + command.email() + " already exists in this tenant");
        }
        directory.storeApiKey(command.apiKeyHash(), command.tenantId(), command.userId(), command.roles());
        apply(new UserCreated(command.tenantId(), command.userId(), command.name(), command.email(),
                command.roles().stream().sorted().distinct().toList(), command.apiKeyPrefix()));
    }

    static TenantProfile checked(TenantProfile p) {
        Violations v = new Violations();
        if (p == null) {
            v.add("$", "required", "a request body is required").throwIfAny();
        }
        v.text("name", p.name(), 200);
        Addresses.check(v, "address", p.address(), true);
        String country = p.address() == null ? null : p.address().country();
        if (country != null && !VatRates.supportsCountry(country)) {
            v.add("address.country", "one-of", "address.country must be one of " + VatRates.supportedCountries()
                    + " (the countries whose VAT rates Invoiceflow knows)");
        }
        Addresses.checkOrganisationNumber(v, "organisationNumber", p.organisationNumber(), country, true);
        if (v.required("currency", p.currency())) {
            try {
                if (!Currency.getInstance(p.currency()).getCurrencyCode().equals(p.currency())) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                v.add("currency", "iso-4217", "currency must be an ISO 4217 code such as NOK");
            }
        }
        if (v.required("timeZone", p.timeZone())) {
            try {
                if (!ZoneId.getAvailableZoneIds().contains(p.timeZone())) {
                    throw new DateTimeException(p.timeZone());
                }
            } catch (DateTimeException e) {
                v.add("timeZone", "iana-zone", "timeZone must be an IANA time zone such as Europe/Oslo");
            }
        }
        Languages.check(v, "defaultLanguage", p.defaultLanguage(), true);
        NumberSeries invoices = p.invoiceNumbers() != null ? p.invoiceNumbers() : DEFAULT_INVOICE_NUMBERS;
        NumberSeries creditNotes = p.creditNoteNumbers() != null ? p.creditNoteNumbers() : DEFAULT_CREDIT_NOTE_NUMBERS;
        checkSeries(v, "invoiceNumbers", invoices);
        checkSeries(v, "creditNoteNumbers", creditNotes);
        if (invoices.prefix() != null && invoices.prefix().equals(creditNotes.prefix())) {
            v.add("creditNoteNumbers.prefix", "distinct", "credit notes need another prefix than invoices");
        }
        v.email("notificationEmail", p.notificationEmail());
        v.throwIfAny();
        return new TenantProfile(p.name(), p.organisationNumber(), p.address(), p.currency(), p.timeZone(),
                p.defaultLanguage(), invoices, creditNotes, p.notificationEmail());
    }

    private static void checkSeries(Violations v, String path, NumberSeries series) {
        if (series.prefix() == null || !series.prefix().matches("[A-Za-z0-9/_.-]{0,20}")) {
            v.add(path + ".prefix", "format", path + ".prefix must be 0-20 letters, digits, '/', '_', '.' or '-'");
        }
        if (series.startNumber() < 1 || series.startNumber() > 999_999_999_999L) {
            v.add(path + ".startNumber", "range", path + ".startNumber must be between 1 and 999999999999");
        }
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        id = event.tenantId().value();
        invoicingActive = true;
    }

    @EventSourcingHandler
    void on(InvoicingDeactivated event) {
        invoicingActive = false;
    }

    @EventSourcingHandler
    void on(InvoicingActivated event) {
        invoicingActive = true;
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        userEmails.add(event.email().toLowerCase(Locale.ROOT));
    }
}
