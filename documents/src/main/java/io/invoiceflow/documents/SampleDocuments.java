package io.invoiceflow.documents;

import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The sample documents that templates are validated and previewed with (S3), also used by tests and the
 * benchmark: a Norwegian supplier, a customer with Nordic letters in name and address, lines at 25 % and 15 %
 * VAT (one with a percent discount), totals computed with ADR 0005's rule.
 */
public final class SampleDocuments {
    private static final Currency NOK = Currency.getInstance("NOK");

    private SampleDocuments() {
    }

    /** The sample of a kind in a language (locale: the language in Norway; English uses en-GB). */
    public static Document of(DocumentKind kind, Language language) {
        return withLines(kind, language, 3);
    }

    /** A sample with {@code count} lines, cycling through the three sample lines (for multi-page documents). */
    public static Document withLines(DocumentKind kind, Language language, int count) {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(switch ((i - 1) % 3) {
                case 0 -> line(i, "Rådgivning – årsoppgjør (Æ Ø Å æ ø å ä ö é)", "3", "t", "1199.50", null, "25");
                case 1 -> line(i, "Brød og bakervarer, Bryggen", "2", "stk", "45.50",
                        new Discount(Discount.Type.PERCENT, new BigDecimal("10")), "15");
                default -> line(i, "Kjøregodtgjørelse Tromsø–Ålesund", "12.5", "km", "4.90", null, "25");
            });
        }
        Totals totals = totals(lines);
        Supplier supplier = new Supplier("Fjordkraft Regnskap AS", "923609016",
                new Address("Strandgata 1", "5013", "Bergen", "NO"), "faktura@fjordkraft.example", "+47 55 12 34 56",
                "Økonomiavdelingen", "86011117947", "NO9386011117947", "DNBANOKK");
        CustomerSnapshot customer = new CustomerSnapshot(new CustomerNumber("10001"), "Blåbær & Ærlig Økonomi AS",
                "914778271", "post@blabaer.example", new Address("Øvre Ålgate 5", "9008", "Tromsø", "NO"));
        List<Contact> contacts = List.of(new Contact("Åse Øvergård", "ase@blabaer.example", "+47 77 00 00 00"));
        Locale locale = language == Language.EN ? Locale.forLanguageTag("en-GB")
                : new Locale(language.code(), language == Language.SV ? "SE" : "NO");
        LocalDate issued = LocalDate.of(2027, 1, 5);
        return switch (kind) {
            case INVOICE -> new Document(kind, false, "INV-1001", issued, issued.plusDays(14), supplier, customer,
                    contacts, "PO-4711", "Takk for handelen! Spørsmål? Kontakt oss.", lines, totals, NOK, language,
                    locale, Kid.generate(Kid.Scheme.DEFAULT, 1001, null), null, "https://invoiceflow.example/view/sample");
            case CREDIT_NOTE -> new Document(kind, false, "CN-1001", issued, null, supplier, customer, contacts,
                    "PO-4711", "Feil antall på linje 1", lines, totals, NOK, language, locale, null, "INV-1001", null);
            case ORDER -> new Document(kind, false, "ORD-2001", issued, null, supplier, customer, contacts, "PO-4711",
                    "Levering innen fredag.", lines, totals, NOK, language, locale, null, null, null);
        };
    }

    private static Line line(int no, String description, String quantity, String unit, String unitPrice,
                             Discount discount, String vatRate) {
        BigDecimal price = new BigDecimal(unitPrice);
        BigDecimal discounted = discount == null ? price
                : price.multiply(BigDecimal.valueOf(100).subtract(discount.value())).divide(BigDecimal.valueOf(100));
        BigDecimal net = new BigDecimal(quantity).multiply(discounted).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Line(no, null, description, new BigDecimal(quantity), unit, price, discount, new BigDecimal(vatRate), net);
    }

    /** Totals per ADR 0005: net per rate, VAT once per rate rounded half up, highest rate first. */
    private static Totals totals(List<Line> lines) {
        java.util.TreeMap<BigDecimal, BigDecimal> netByRate = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (Line l : lines) {
            netByRate.merge(l.vatRate(), l.netAmount(), BigDecimal::add);
        }
        List<VatLine> vat = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        BigDecimal vatSum = BigDecimal.ZERO.setScale(2);
        for (var e : netByRate.entrySet()) {
            BigDecimal v = e.getValue().multiply(e.getKey()).divide(BigDecimal.valueOf(100))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            vat.add(new VatLine(e.getKey(), e.getValue(), v, e.getValue().add(v)));
            net = net.add(e.getValue());
            vatSum = vatSum.add(v);
        }
        return new Totals(net, vatSum, net.add(vatSum), vat);
    }
}
