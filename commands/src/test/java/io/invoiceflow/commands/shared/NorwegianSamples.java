package io.invoiceflow.commands.shared;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantProfile;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sample data for the write side's tests: the Norwegian tenant of {@link TestTenants}
 * (Europe/Oslo, NOK, nb, invoices INV-1001..., credit notes CN-1...), three customers and a
 * catalogue with one product per Norwegian VAT rate.
 */
public final class NorwegianSamples {
    /** Bryggen Bakeri AS: invoice language nb, one contact (Kari Nordmann). */
    public static final CustomerNumber BAKERY = TestTenants.CUSTOMER;
    /** Tromsø Tech AS: invoice language en, no contacts but an email. */
    public static final CustomerNumber TECH = new CustomerNumber("20002");
    /** Hansen Snekkeri: no invoice language, no contacts, no email. */
    public static final CustomerNumber CARPENTER = new CustomerNumber("30003");

    public static final ProductCode CONSULTING = new ProductCode("KONS");
    public static final ProductCode BREAD = new ProductCode("BROD");
    public static final ProductCode TAXI = new ProductCode("TAXI");
    public static final ProductCode BOOK = new ProductCode("BOK");

    public static final Contact KARI = new Contact("Kari Nordmann", "kari@bryggen.example", null);
    public static final Address BAKERY_ADDRESS = new Address("Bryggen 2", "5003", "Bergen", "NO");

    private NorwegianSamples() {
    }

    public static TenantProfile profile() {
        return TestTenants.norwegianProfile();
    }

    public static CustomerDetails bakery() {
        return TestTenants.registerCustomer(TenantId.random()).details();
    }

    public static CustomerSnapshot bakerySnapshot() {
        return new CustomerSnapshot(BAKERY, "Bryggen Bakeri AS", "974760673", "post@bryggen.example", BAKERY_ADDRESS);
    }

    public static CustomerDetails tech() {
        return new CustomerDetails("Tromsø Tech AS", "923609016", "en", "ap@tromso-tech.example",
                new Address("Storgata 10", "9008", "Tromsø", "NO"), List.of());
    }

    public static CustomerDetails carpenter() {
        return new CustomerDetails("Hansen Snekkeri", null, null, null,
                new Address("Verkstedveien 3", "7010", "Trondheim", "NO"), List.of());
    }

    public static ProductDetails consulting() {
        return new ProductDetails("Konsulenttime", "timer", new BigDecimal("1250.00"), new BigDecimal("25"));
    }

    /** Tenant, customers and catalogue in the directory. */
    public static TenantId seed(DirectoryFixtures db) {
        TenantId tenant = TenantId.random();
        seed(db, tenant);
        return tenant;
    }

    public static void seed(DirectoryFixtures db, TenantId tenant) {
        db.tenant(tenant, profile())
                .customer(tenant, BAKERY, bakery())
                .customer(tenant, TECH, tech())
                .customer(tenant, CARPENTER, carpenter())
                .product(tenant, CONSULTING, consulting())
                .product(tenant, BREAD, new ProductDetails("Grovbrød", "stk", new BigDecimal("45.00"), new BigDecimal("15")))
                .product(tenant, TAXI, new ProductDetails("Persontransport", "tur", new BigDecimal("320.00"), new BigDecimal("12")))
                .product(tenant, BOOK, new ProductDetails("Fagbok", "stk", new BigDecimal("399.00"), new BigDecimal("0")));
    }

    /** A custom line: description, quantity, unit price and VAT rate as written by a client. */
    public static LineInput custom(String description, String quantity, String unitPrice, String vatRate) {
        return new LineInput(null, description, new BigDecimal(quantity), null, new BigDecimal(unitPrice), null,
                new BigDecimal(vatRate));
    }

    public static LineInput custom(String description, String quantity, String unitPrice, String vatRate,
                                   Discount discount) {
        return new LineInput(null, description, new BigDecimal(quantity), null, new BigDecimal(unitPrice), discount,
                new BigDecimal(vatRate));
    }

    /** A catalogue line taking everything but the quantity from the product. */
    public static LineInput catalogue(ProductCode code, String quantity) {
        return new LineInput(code, null, new BigDecimal(quantity), null, null, null, null);
    }
}
