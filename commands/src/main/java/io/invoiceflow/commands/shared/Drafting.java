package io.invoiceflow.commands.shared;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.pricing.Pricing;
import io.invoiceflow.commands.pricing.VatRates;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.Totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a client wrote for an order or an invoice into resolved, priced content: the customer
 * snapshot from the customer register, default contacts and language, catalogue lines completed
 * from the product catalogue, VAT rates checked against the tenant's country, amounts computed
 * by {@link Pricing}. Every broken rule is reported at once, with its JSON path.
 */
public final class Drafting {
    public static final int MAX_LINES = 500;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Drafting() {
    }

    /** The resolved parts shared by orders and invoices. */
    public record Resolved(CustomerSnapshot customer, List<Contact> contacts, String language, List<Line> lines,
                           Totals totals) {
    }

    public static Resolved resolve(TenantRecord tenant, Directory directory, CustomerNumber customerNumber,
                                   List<Contact> contacts, String language, String poNumber, String comments,
                                   List<LineInput> lines, Violations v) {
        CustomerSnapshot customer = null;
        CustomerDetails details = null;
        if (v.required("customerNumber", customerNumber)) {
            Optional<CustomerDetails> found = directory.customer(tenant.tenantId(), customerNumber)
                    .map(Directory.Versioned::value);
            if (found.isEmpty()) {
                throw DomainException.unknownReference("customerNumber",
                        "customer " + customerNumber + " does not exist in this tenant");
            }
            details = found.get();
            customer = snapshot(customerNumber, details);
        }
        List<Contact> resolvedContacts = contacts != null ? contacts : defaultContacts(details);
        checkContacts(v, resolvedContacts);
        Languages.check(v, "language", language, false);
        String resolvedLanguage = language(language, details, tenant);
        v.optionalText("poNumber", poNumber, 100);
        v.optionalText("comments", comments, 4000);
        List<Line> priced = lines(tenant, directory, lines, v);
        v.throwIfAny();
        return new Resolved(customer, List.copyOf(resolvedContacts), resolvedLanguage, priced,
                Pricing.totals(priced, tenant.currencyScale()));
    }

    /** Lines and their totals, priced as an order's or an invoice's; problems go to {@code v}. */
    public record PricedLines(List<Line> lines, Totals totals) {
    }

    public static PricedLines price(TenantRecord tenant, Directory directory, List<LineInput> lines, Violations v) {
        List<Line> priced = lines(tenant, directory, lines, v);
        return new PricedLines(priced, Pricing.totals(priced, tenant.currencyScale()));
    }

    /** The customer as a document copies it. */
    public static CustomerSnapshot snapshot(CustomerNumber number, CustomerDetails details) {
        return new CustomerSnapshot(number, details.name(), details.organisationNumber(), details.email(),
                details.billingAddress());
    }

    /** A document's language: the one asked for, else the customer's invoice language, else the tenant's default. */
    public static String language(String asked, CustomerDetails details, TenantRecord tenant) {
        return asked != null ? asked
                : details != null && details.invoiceLanguage() != null ? details.invoiceLanguage()
                : tenant.profile().defaultLanguage();
    }

    /** The contacts a document gets when it names none: the customer's, else its name and email, else none. */
    public static List<Contact> defaultContacts(CustomerDetails details) {
        if (details == null) {
            return List.of();
        }
        if (details.contacts() != null && !details.contacts().isEmpty()) {
            return details.contacts();
        }
        return details.email() == null ? List.of() : List.of(new Contact(details.name(), details.email(), null));
    }

    /** The locale a document gets when the client names none: its language in the tenant's country. */
    public static String defaultLocale(String language, TenantRecord tenant) {
        return language + "-" + tenant.country();
    }

    public static void checkPaymentTerms(Violations v, PaymentTerms terms) {
        if (v.required("paymentTerms.kind", terms.kind()) && terms.kind() == PaymentTerms.Kind.CUSTOM
                && (terms.days() == null || terms.days() < 0 || terms.days() > 365)) {
            v.add("paymentTerms.days", "range", "paymentTerms.days must be between 0 and 365 for CUSTOM terms");
        }
    }

    public static void checkContacts(Violations v, List<Contact> contacts) {
        if (contacts == null) {
            return;
        }
        if (contacts.size() > 20) {
            v.add("contacts", "max-items", "at most 20 contacts");
        }
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            String path = "contacts[" + i + "]";
            if (c == null) {
                v.add(path, "required", path + " must not be null");
                continue;
            }
            v.text(path + ".name", c.name(), 200);
            v.email(path + ".email", c.email());
            v.optionalText(path + ".phone", c.phone(), 40);
        }
    }

    private static List<Line> lines(TenantRecord tenant, Directory directory, List<LineInput> inputs, Violations v) {
        if (inputs == null) {
            return List.of();
        }
        if (inputs.size() > MAX_LINES) {
            v.add("lines", "max-items", "at most " + MAX_LINES + " lines");
            return List.of();
        }
        int scale = tenant.currencyScale();
        List<Line> lines = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String path = "lines[" + i + "]";
            LineInput in = inputs.get(i);
            if (in == null) {
                v.add(path, "required", path + " must not be null");
                continue;
            }
            String description = in.description();
            String unit = in.unit();
            BigDecimal unitPrice = in.unitPrice();
            BigDecimal vatRate = in.vatRate();
            if (in.productCode() != null) {
                Optional<ProductDetails> product = directory.product(tenant.tenantId(), in.productCode())
                        .map(Directory.Versioned::value);
                if (product.isEmpty()) {
                    throw DomainException.unknownReference(path + ".productCode",
                            "product " + in.productCode() + " is not in this tenant's catalogue");
                }
                description = description != null ? description : product.get().name();
                unit = unit != null ? unit : product.get().unit();
                unitPrice = unitPrice != null ? unitPrice : product.get().unitPrice();
                vatRate = vatRate != null ? vatRate : product.get().vatRate();
            }
            boolean ok = v.text(path + ".description", description, 500);
            ok &= v.optionalText(path + ".unit", unit, 20);
            ok &= v.decimal(path + ".quantity", in.quantity(), 4, BigDecimal.ZERO, true, MAX_QUANTITY);
            ok &= v.decimal(path + ".unitPrice", unitPrice, 4, BigDecimal.ZERO, false, MAX_PRICE);
            ok &= discount(v, path + ".discount", in.discount(), unitPrice);
            BigDecimal rate = null;
            if (v.required(path + ".vatRate", vatRate)) {
                rate = VatRates.match(tenant.country(), vatRate).orElse(null);
                if (rate == null) {
                    v.add(path + ".vatRate", "one-of", path + ".vatRate must be one of " + VatRates.describe(tenant.country())
                            + " (the VAT rates of " + tenant.country() + ")");
                }
            }
            if (ok && rate != null) {
                BigDecimal net = Pricing.lineNet(in.quantity(), unitPrice, in.discount(), scale);
                lines.add(new Line(i + 1, in.productCode(), description, in.quantity(), unit, unitPrice,
                        in.discount(), rate, net));
            }
        }
        return lines;
    }

    private static boolean discount(Violations v, String path, Discount discount, BigDecimal unitPrice) {
        if (discount == null) {
            return true;
        }
        if (!v.required(path + ".type", discount.type())) {
            return false;
        }
        BigDecimal max = discount.type() == Discount.Type.PERCENT ? HUNDRED : unitPrice;
        return v.decimal(path + ".value", discount.value(), discount.type() == Discount.Type.PERCENT ? 2 : 4,
                BigDecimal.ZERO, false, max);
    }
}
