package io.invoiceflow.events;

import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.customer.CustomerChanged;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.CustomerRegistered;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distributionlist.DistributionEntryRemoved;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.frequency.FrequencyCreated;
import io.invoiceflow.events.frequency.FrequencyDeactivated;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyPatternChanged;
import io.invoiceflow.events.frequency.FrequencyReactivated;
import io.invoiceflow.events.frequency.FrequencyRenamed;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceCredited;
import io.invoiceflow.events.invoice.InvoiceDraftChanged;
import io.invoiceflow.events.invoice.InvoiceDraftDeleted;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.InvoiceVoided;
import io.invoiceflow.events.order.OrderChanged;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderInvoiced;
import io.invoiceflow.events.product.ProductAdded;
import io.invoiceflow.events.product.ProductChanged;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.settings.CustomerLayoutRemoved;
import io.invoiceflow.events.settings.CustomerLayoutSet;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DefaultLayoutsChanged;
import io.invoiceflow.events.settings.DocumentTemplate;
import io.invoiceflow.events.settings.DocumentTemplateRemoved;
import io.invoiceflow.events.settings.DocumentTemplateSaved;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.EmailTemplateRemoved;
import io.invoiceflow.events.settings.EmailTemplateSaved;
import io.invoiceflow.events.settings.KidAlgorithm;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.PaymentSettingsChanged;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SenderAccountRemoved;
import io.invoiceflow.events.settings.SenderAccountSet;
import io.invoiceflow.events.settings.SmtpEncryption;
import io.invoiceflow.events.settings.TemplateKind;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.UserId;
import io.invoiceflow.events.shared.VatLine;
import io.invoiceflow.events.tenant.InvoicingActivated;
import io.invoiceflow.events.tenant.InvoicingDeactivated;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.Role;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.events.tenant.UserCreated;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic sample per contract event type, in two variants: {@link #full} with every optional
 * field set, and {@link #sparse} with every optional (nullable) field null and every list that may be
 * empty empty. The numbers add up as the write side would compute them (a Norwegian tenant, NOK,
 * VAT 25 % and 12 %), so the samples double as documentation.
 */
public final class SampleEvents {
    public static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    public static final UserId USER = new UserId("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    public static final OrderId ORDER = new OrderId("7d9e4b2a-1c3f-4e5d-8a6b-9c0d1e2f3a4b");
    public static final InvoiceId INVOICE = new InvoiceId("c4e8f1a2-6b3d-4f9e-a7c5-2d1b0e9f8a76");
    public static final CreditNoteId CREDIT_NOTE = new CreditNoteId("e2f4a6c8-1b3d-4e5f-8a9b-0c1d2e3f4a5b");
    public static final CustomerNumber CUSTOMER = new CustomerNumber("K-1042");
    public static final ProductCode PRODUCT = new ProductCode("CONS-HR");
    public static final DistributionId DISTRIBUTION = new DistributionId("8c1e3a5f-7b9d-4f2a-b4c6-d8e0f2a4b6c8");
    public static final FrequencyId FREQUENCY = new FrequencyId("5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8b0d13");
    public static final TemplateName TEMPLATE = new TemplateName("fjordlys-logo");

    private static final ContentRef LOGO = new ContentRef(
            "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", "image/png", 18342);
    private static final ContentRef XSLT = new ContentRef(
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", "application/xslt+xml", 6120);
    private static final SenderAccount SENDER = new SenderAccount("Faktura-mail", "Fakturaavdelingen",
            "faktura@fjordlys.no", "faktura@fjordlys.no", "smtp.fjordlys.no", 587, SmtpEncryption.STARTTLS);
    public static final RecurringId RECURRING = new RecurringId("b3d5f7a9-2c4e-4f6a-8b0d-1e3f5a7c9e2b");
    /** A subscriber of the subscription samples. */
    public static final CustomerNumber SUBSCRIBER = new CustomerNumber("K-2077");

    /** The last Friday of every month from 30 January 2026, twelve times. */
    private static final FrequencyDefinition LAST_FRIDAY = new FrequencyDefinition(
            FrequencyPattern.monthlyOnWeekday(1, WeekPosition.LAST, DayOfWeek.FRIDAY), LocalDate.of(2026, 1, 30),
            FrequencyEnd.after(12));
    /** The 31st of every quarter's first month (RFC 5545 skipping: April has none), until the end of 2027. */
    private static final FrequencyDefinition QUARTER_31ST = new FrequencyDefinition(
            FrequencyPattern.monthlyOnDay(1, 31).inMonths(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER)
                    .withShortMonths(ShortMonths.SKIP),
            LocalDate.of(2026, 1, 1), FrequencyEnd.on(LocalDate.of(2027, 12, 31)));
    /** Every second day from 2 March 2026, for ever. */
    private static final FrequencyDefinition EVERY_OTHER_DAY = new FrequencyDefinition(FrequencyPattern.daily(2),
            LocalDate.of(2026, 3, 2), FrequencyEnd.never());

    private static final Address TENANT_ADDRESS = new Address("Storgata 12", "0155", "Oslo", "NO");
    private static final Address CUSTOMER_ADDRESS = new Address("Industriveien 4", "7080", "Heimdal", "NO");
    private static final List<Contact> CONTACTS = List.of(
            new Contact("Kari Nordvik", "kari@nordvikbygg.no", "+47 912 34 567"),
            new Contact("Ola Hansen", "ola.hansen@nordvikbygg.no", null));

    private static final TenantProfile PROFILE = new TenantProfile("Fjordlys Konsult AS", "987654325",
            TENANT_ADDRESS, "NOK", "Europe/Oslo", "nb", new NumberSeries("INV-", 1001),
            new NumberSeries("CN-", 1001), "faktura@fjordlys.no");

    private static final CustomerDetails CUSTOMER_DETAILS = new CustomerDetails("Nordvik Bygg AS", "912345688", "nb",
            "post@nordvikbygg.no", CUSTOMER_ADDRESS, CONTACTS);
    private static final CustomerDetails CUSTOMER_DETAILS_SPARSE = new CustomerDetails("Nordvik Bygg AS", null, null,
            null, null, List.of());

    private static final CustomerSnapshot SNAPSHOT = new CustomerSnapshot(CUSTOMER, "Nordvik Bygg AS", "912345688",
            "post@nordvikbygg.no", CUSTOMER_ADDRESS);
    private static final CustomerSnapshot SNAPSHOT_SPARSE = new CustomerSnapshot(CUSTOMER, "Nordvik Bygg AS", null,
            null, null);

    /** 7.5 hours at 1250.00, VAT 25 %. */
    private static final Line CONSULTING = new Line(1, PRODUCT, "Consulting, senior", dec("7.5"), "hours",
            dec("1250.00"), null, dec("25"), dec("9375.00"));
    /** A custom line: 850.00 less 10 %, VAT 12 % (passenger transport). */
    private static final Line TRAVEL = new Line(2, null, "Travel Oslo-Trondheim", dec("1"), "pcs", dec("850.00"),
            new Discount(Discount.Type.PERCENT, dec("10")), dec("12"), dec("765.00"));
    private static final List<Line> LINES = List.of(CONSULTING, TRAVEL);
    private static final VatLine VAT_25 = new VatLine(dec("25"), dec("9375.00"), dec("2343.75"), dec("11718.75"));
    private static final VatLine VAT_12 = new VatLine(dec("12"), dec("765.00"), dec("91.80"), dec("856.80"));
    private static final Totals TOTALS = new Totals(dec("10140.00"), dec("2435.55"), dec("12575.55"),
            List.of(VAT_25, VAT_12));
    private static final Totals TRAVEL_TOTALS = new Totals(dec("765.00"), dec("91.80"), dec("856.80"), List.of(VAT_12));

    /** A custom line with no product, unit or discount, VAT exempt. */
    private static final Line SPARSE_LINE = new Line(1, null, "Site visit", dec("1"), null, dec("500.00"), null,
            dec("0"), dec("500.00"));
    private static final Totals SPARSE_TOTALS = new Totals(dec("500.00"), dec("0.00"), dec("500.00"),
            List.of(new VatLine(dec("0"), dec("500.00"), dec("0.00"), dec("500.00"))));
    private static final Totals EMPTY_TOTALS = new Totals(dec("0.00"), dec("0.00"), dec("0.00"), List.of());

    private static final OrderContent ORDER_CONTENT = new OrderContent(SNAPSHOT, CONTACTS, "PO-88213",
            "Deliver the report by e-mail.", "nb", "NOK", LINES, TOTALS);
    private static final OrderContent ORDER_CONTENT_SPARSE = new OrderContent(SNAPSHOT_SPARSE, List.of(), null, null,
            "nb", "NOK", List.of(SPARSE_LINE), SPARSE_TOTALS);

    private static final InvoiceContent INVOICE_CONTENT = new InvoiceContent(SNAPSHOT, CONTACTS,
            LocalDate.of(2026, 11, 25), new PaymentTerms(PaymentTerms.Kind.NET_14, 14), LocalDate.of(2026, 12, 9),
            "PO-88213", "Thank you for your business.", "nb", "nb-NO", "NOK", LINES, TOTALS);
    private static final InvoiceContent INVOICE_CONTENT_SPARSE = new InvoiceContent(SNAPSHOT_SPARSE, List.of(), null,
            PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT), null, null, null, "nb", "nb-NO", "NOK", List.of(),
            EMPTY_TOTALS);

    /** The last Friday of every month from 29 January 2027 (the first date), twelve times: a catalogue frequency copied. */
    private static final FrequencyDefinition TEMPLATE_SCHEDULE = new FrequencyDefinition(
            FrequencyPattern.monthlyOnWeekday(1, WeekPosition.LAST, DayOfWeek.FRIDAY), LocalDate.of(2027, 1, 29),
            FrequencyEnd.after(12));
    /** Monthly on the 1st from 1 February 2027, for ever (the period MONTH). */
    private static final FrequencyDefinition SUBSCRIPTION_SCHEDULE = new FrequencyDefinition(
            FrequencyPattern.monthlyOnDay(1, 1), LocalDate.of(2027, 2, 1), FrequencyEnd.never());
    /** A template: the invoice's content without its dates. */
    private static final InvoiceContent TEMPLATE_CONTENT = INVOICE_CONTENT.withDates(null, null);
    /** A subscription: lines and terms, no customer, no contacts, each subscriber's language. */
    private static final InvoiceContent SUBSCRIPTION_CONTENT = new InvoiceContent(null, List.of(), null,
            PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT), null, null, null, null, null, "NOK",
            List.of(SPARSE_LINE), SPARSE_TOTALS);
    private static final LocalDate OCCURRENCE = LocalDate.of(2027, 3, 1);

    private SampleEvents() {
    }

    /** Every event type with every optional field set, keyed by type, in {@link EventCatalog} order. */
    public static Map<Class<?>, Object> full() {
        return byType(List.of(
                new TenantCreated(TENANT, PROFILE),
                new InvoicingDeactivated(TENANT, "Annual accounts are being closed"),
                new InvoicingActivated(TENANT),
                new UserCreated(TENANT, USER, "Ingrid Berg", "ingrid.berg@fjordlys.no",
                        List.of(Role.ADMIN, Role.ACCOUNTANT), "ifk_7Hq2"),
                new CustomerRegistered(TENANT, CUSTOMER, CUSTOMER_DETAILS),
                new CustomerChanged(TENANT, CUSTOMER, CUSTOMER_DETAILS),
                new ProductAdded(TENANT, PRODUCT, new ProductDetails("Consulting, senior", "hours", dec("1250.00"),
                        dec("25"))),
                new ProductChanged(TENANT, PRODUCT, new ProductDetails("Consulting, senior", "hours", dec("1350.00"),
                        dec("25"))),
                new OrderCreated(ORDER, TENANT, ORDER_CONTENT),
                new OrderChanged(ORDER, TENANT, ORDER_CONTENT),
                new OrderInvoiced(ORDER, TENANT, INVOICE),
                new InvoiceDrafted(INVOICE, TENANT, new InvoiceOrigin(InvoiceOrigin.Kind.ORDER, ORDER.value()),
                        INVOICE_CONTENT),
                new InvoiceDraftChanged(INVOICE, TENANT, INVOICE_CONTENT),
                new InvoiceDraftDeleted(INVOICE, TENANT),
                new InvoiceFinalized(INVOICE, TENANT, "INV-1001", 1001, LocalDate.of(2026, 11, 25),
                        LocalDate.of(2026, 12, 9), "NOK", TOTALS, Instant.parse("2026-11-25T09:30:12.345Z")),
                new InvoicePaid(INVOICE, TENANT, LocalDate.of(2026, 12, 5), dec("11718.75"), "NOK"),
                new InvoiceVoided(INVOICE, TENANT, "Issued to the wrong customer"),
                new InvoiceCredited(INVOICE, TENANT, CREDIT_NOTE, "CN-1001", List.of(2), dec("856.80"), "NOK",
                        false),
                new CreditNoteIssued(CREDIT_NOTE, TENANT, "CN-1001", 1001, INVOICE, "INV-1001",
                        LocalDate.of(2026, 12, 1), SNAPSHOT, "NOK", List.of(TRAVEL), TRAVEL_TOTALS,
                        "The trip was cancelled", Instant.parse("2026-12-01T13:05:00Z")),
                new FrequencyCreated(FREQUENCY, TENANT, "Siste fredag i måneden", true, LAST_FRIDAY),
                new FrequencyRenamed(FREQUENCY, TENANT, "Månedsslutt", false),
                new FrequencyPatternChanged(FREQUENCY, TENANT, QUARTER_31ST, "Månedsslutt"),
                new FrequencyDeactivated(FREQUENCY, TENANT),
                new FrequencyReactivated(FREQUENCY, TENANT),
                // an order's confirmation (the sparse samples are an invoice's distribution)
                new DistributionRequested(DISTRIBUTION, TENANT, null, ORDER, DistributionTrigger.SEND,
                        List.of("innkjop@nordvikbygg.no"), List.of("kari@nordvikbygg.no"), "custom:fjordlys-logo"),
                new DistributionRendered(DISTRIBUTION, TENANT, null, ORDER, 1, "EMAIL", List.of("innkjop@nordvikbygg.no"),
                        List.of("kari@nordvikbygg.no"), "Fjordlys faktura", "nb", "tenant:nb", "custom:fjordlys-logo",
                        "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f", 48213,
                        "<JBSWY3DPEHPK3PXP@fjordlys.no>"),
                new DistributionSent(DISTRIBUTION, TENANT, null, ORDER, 1, "<JBSWY3DPEHPK3PXP@fjordlys.no>",
                        "250 2.0.0 Ok: queued as 4Fb2Kx", List.of("kari@nordvikbygg.no")),
                new DistributionFailed(DISTRIBUTION, TENANT, null, ORDER, 1, "SMTP_TEMPORARY",
                        "451 4.7.1 Greylisted, try again later", false, Instant.parse("2026-11-25T09:35:12Z")),
                new DistributionBounced(DISTRIBUTION, TENANT, null, ORDER, "kari@nordvikbygg.no", "DSN", "5.1.1",
                        "smtp; 550 5.1.1 <kari@nordvikbygg.no>: Recipient address rejected: User unknown"),
                new DistributionEntrySet(TENANT, CUSTOMER, "faktura@nordvikbygg.no"),
                new DistributionEntryRemoved(TENANT, CUSTOMER),
                new PaymentSettingsChanged(TENANT, new PaymentSettings("faktura@fjordlys.no", "+47 22 33 44 55",
                        "Økonomiavdelingen", "86011117947", "NO9386011117947", "DNBANOKK",
                        new KidScheme(KidAlgorithm.MOD11, 5, 6))),
                new DefaultLayoutsChanged(TENANT, new DefaultLayouts("custom:fjordlys-logo", "classic", "compact")),
                new CustomerLayoutSet(TENANT, CUSTOMER, "modern"),
                new CustomerLayoutRemoved(TENANT, CUSTOMER),
                new DocumentTemplateSaved(TENANT, TEMPLATE, new DocumentTemplate(TemplateKind.CUSTOM, null, XSLT, LOGO,
                        "#0B3D91", "#E8EEF8", "Fjordlys Konsult AS - Storgata 12, 0155 Oslo",
                        "Betal til konto 8601.11.17947 og merk betalingen med KID.")),
                new DocumentTemplateRemoved(TENANT, TEMPLATE),
                new EmailTemplateSaved(TENANT, DocumentType.INVOICE, "en", "Engelske kunder",
                        "Invoice {Number} from {Supplier.Name}",
                        "Dear {Contact.Name},\n\nplease find invoice {Number} of {Total} {Currency}, due {DueDate}, attached.\n\n"
                                + "Kind regards\n{Supplier.Name}\n"),
                new EmailTemplateRemoved(TENANT, DocumentType.CREDIT_NOTE, "sv"),
                new SenderAccountSet(TENANT, SENDER, true, true),
                new SenderAccountRemoved(TENANT, "Faktura-mail"),
                new RecurringCreated(RECURRING, TENANT, RecurringKind.INVOICE_TEMPLATE, "Nordvik Bygg AS, monthly advice",
                        INVOICE, TEMPLATE_CONTENT, FREQUENCY, TEMPLATE_SCHEDULE),
                new SubscriberAdded(RECURRING, TENANT, SUBSCRIBER, LocalDate.of(2027, 12, 31), LocalDate.of(2027, 2, 1)),
                new SubscriberEndChanged(RECURRING, TENANT, SUBSCRIBER, LocalDate.of(2027, 6, 30)),
                new SubscriberRemoved(RECURRING, TENANT, SUBSCRIBER, LocalDate.of(2027, 4, 12)),
                new RecurringPaused(RECURRING, TENANT, LocalDate.of(2027, 5, 3)),
                new RecurringResumed(RECURRING, TENANT, LocalDate.of(2027, 8, 16)),
                new RecurringStopped(RECURRING, TENANT, LocalDate.of(2027, 11, 22)),
                new OccurrenceIssued(RECURRING, TENANT, OCCURRENCE, SUBSCRIBER,
                        RECURRING.occurrenceInvoice(SUBSCRIBER, OCCURRENCE), "INV-1042")));
    }

    /**
     * Every event type with its nullable fields null and its may-be-empty lists empty; types without
     * optional fields appear as in {@link #full}.
     */
    public static Map<Class<?>, Object> sparse() {
        Map<Class<?>, Object> samples = full();
        put(samples, new InvoicingDeactivated(TENANT, null));
        put(samples, new UserCreated(TENANT, USER, "Ingrid Berg", "ingrid.berg@fjordlys.no", List.of(Role.AUDITOR),
                null));
        put(samples, new CustomerRegistered(TENANT, CUSTOMER, CUSTOMER_DETAILS_SPARSE));
        put(samples, new CustomerChanged(TENANT, CUSTOMER, CUSTOMER_DETAILS_SPARSE));
        put(samples, new ProductAdded(TENANT, PRODUCT, new ProductDetails("Site visit", null, dec("0"), dec("0"))));
        put(samples, new ProductChanged(TENANT, PRODUCT, new ProductDetails("Site visit", null, dec("500"), dec("0"))));
        put(samples, new OrderCreated(ORDER, TENANT, ORDER_CONTENT_SPARSE));
        put(samples, new OrderChanged(ORDER, TENANT, ORDER_CONTENT_SPARSE));
        put(samples, new InvoiceDrafted(INVOICE, TENANT, InvoiceOrigin.scratch(), INVOICE_CONTENT_SPARSE));
        put(samples, new InvoiceDraftChanged(INVOICE, TENANT, INVOICE_CONTENT_SPARSE));
        put(samples, new InvoiceVoided(INVOICE, TENANT, null));
        put(samples, new DistributionRequested(DISTRIBUTION, TENANT, INVOICE, DistributionTrigger.FINALIZED, List.of(),
                List.of()));
        put(samples, new DistributionRendered(DISTRIBUTION, TENANT, INVOICE, 1, "EMAIL", List.of("post@nordvikbygg.no"),
                List.of(), "system", "nb", "built-in:nb", "classic",
                "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f", 48213,
                "<JBSWY3DPEHPK3PXP@invoiceflow.example>"));
        put(samples, new DistributionSent(DISTRIBUTION, TENANT, INVOICE, 1, "<JBSWY3DPEHPK3PXP@invoiceflow.example>",
                null, List.of()));
        put(samples, new DistributionFailed(DISTRIBUTION, TENANT, INVOICE, 2, "NO_RECIPIENT", null, true, null));
        put(samples, new DistributionBounced(DISTRIBUTION, TENANT, INVOICE, "post@nordvikbygg.no", "SMTP", null, null));
        put(samples, new CreditNoteIssued(CREDIT_NOTE, TENANT, "CN-1001", 1001, INVOICE, "INV-1001",
                LocalDate.of(2026, 12, 1), SNAPSHOT_SPARSE, "NOK", List.of(SPARSE_LINE), SPARSE_TOTALS, null,
                Instant.parse("2026-12-01T13:05:00Z")));
        put(samples, new FrequencyCreated(FREQUENCY, TENANT, "Hver 2. dag", true, EVERY_OTHER_DAY));
        put(samples, new FrequencyRenamed(FREQUENCY, TENANT, "Hver 2. dag", true));
        put(samples, new FrequencyPatternChanged(FREQUENCY, TENANT, EVERY_OTHER_DAY, "Hver 2. dag"));
        put(samples, new PaymentSettingsChanged(TENANT, PaymentSettings.NONE));
        put(samples, new DocumentTemplateSaved(TENANT, TEMPLATE, new DocumentTemplate(TemplateKind.STANDARD, "modern",
                null, null, null, null, null, null)));
        put(samples, new SenderAccountSet(TENANT, new SenderAccount("Relay", null, "faktura@fjordlys.no", null,
                "relay.fjordlys.no", 25, SmtpEncryption.NONE), false, false));
        put(samples, new RecurringCreated(RECURRING, TENANT, RecurringKind.SUBSCRIPTION, "Membership", null,
                SUBSCRIPTION_CONTENT, null, SUBSCRIPTION_SCHEDULE));
        put(samples, new SubscriberAdded(RECURRING, TENANT, SUBSCRIBER, null, LocalDate.of(2027, 2, 1)));
        put(samples, new SubscriberEndChanged(RECURRING, TENANT, SUBSCRIBER, null));
        return samples;
    }

    /** The full sample of one event type. */
    public static Object full(Class<?> eventType) {
        Object sample = full().get(eventType);
        if (sample == null) {
            throw new IllegalArgumentException("no sample for " + eventType.getName());
        }
        return sample;
    }

    private static Map<Class<?>, Object> byType(List<Object> events) {
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        for (Object event : events) {
            put(samples, event);
        }
        return samples;
    }

    private static void put(Map<Class<?>, Object> samples, Object event) {
        samples.put(event.getClass(), event);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
