package io.invoiceflow.projections.dashboard;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.shared.Money;
import io.invoiceflow.projections.list.InvoiceRow;
import io.invoiceflow.projections.list.InvoiceStatuses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's dashboard figures, computed from its invoice list in one pass, one block per currency
 * (amounts in different currencies are never added). Definitions in {@code docs/queries.md}:
 * <ul>
 *   <li>per status: every invoice, drafts included, whatever its dates: count and gross amount;</li>
 *   <li>invoiced: the invoices issued and not voided ({@link #INVOICED}) whose invoice date lies in
 *       {@code from..to}: count and gross amount, in total and per period; credit notes are not
 *       subtracted (they are documents of their own);</li>
 *   <li>overdue as of {@code asOf}: {@link InvoiceRow#overdueOn}: count and outstanding amount;</li>
 *   <li>top customers: by invoiced gross amount in {@code from..to}, ties by count, then customer number.</li>
 * </ul>
 */
public record Dashboard(LocalDate asOf, LocalDate from, LocalDate to, Granularity granularity,
                        List<CurrencyFigures> currencies) {

    /** The statuses of an issued, not voided invoice: it counts as invoiced on its invoice date. */
    public static final Set<String> INVOICED = Set.of(InvoiceStatuses.FINALIZED, InvoiceStatuses.PAID,
            InvoiceStatuses.CREDITED);
    public static final int MAX_PERIODS = 1000;
    public static final int MAX_TOP = 100;

    /** Known statuses in lifecycle order, any other after them alphabetically (a missing one last). */
    private static final Comparator<String> STATUS_ORDER = Comparator.comparingInt((String s) ->
                    s != null && InvoiceStatuses.ALL.contains(s) ? InvoiceStatuses.ALL.indexOf(s)
                            : InvoiceStatuses.ALL.size())
            .thenComparing(Comparator.nullsLast(Comparator.naturalOrder()));

    public Dashboard {
        currencies = List.copyOf(currencies);
    }

    /** The figures of one currency; amounts are at its scale. */
    public record CurrencyFigures(String currency, List<StatusFigure> byStatus, Figure invoiced,
                                  List<PeriodFigure> invoicedByPeriod, Figure overdue,
                                  List<CustomerFigure> topCustomers) {
        public CurrencyFigures {
            byStatus = List.copyOf(byStatus);
            invoicedByPeriod = List.copyOf(invoicedByPeriod);
            topCustomers = List.copyOf(topCustomers);
        }
    }

    /** How many invoices and their amount. */
    public record Figure(long count, BigDecimal amount) {
    }

    /** Every status appears, in lifecycle order, also with zero. */
    public record StatusFigure(String status, long count, BigDecimal grossAmount) {
    }

    /** One day or month, every one in the range, also with zero; the first and last month are cut to the range. */
    public record PeriodFigure(LocalDate start, LocalDate end, long count, BigDecimal grossAmount) {
    }

    /** The name is the one on the customer's latest invoice in the range. */
    public record CustomerFigure(String customerNumber, String customerName, long count, BigDecimal grossAmount) {
    }

    /**
     * The dashboard of {@code rows}.
     *
     * @param from  first invoice date of the invoiced figures, inclusive
     * @param to    last invoice date, inclusive; at most {@value #MAX_PERIODS} periods after {@code from}
     * @param today the tenant's today, for the overdue figures
     * @param topN  how many top customers, 1 to {@value #MAX_TOP}
     * @throws DomainException INVALID_INPUT naming {@code from}, {@code to}, {@code granularity} or {@code top}
     */
    public static Dashboard compute(Iterable<InvoiceRow> rows, LocalDate from, LocalDate to,
                                    Granularity granularity, LocalDate today, int topN) {
        Objects.requireNonNull(today, "today");
        validate(from, to, granularity, topN);
        int periods = (int) granularity.periods(from, to);
        Map<String, Accumulator> byCurrency = new HashMap<>();
        for (InvoiceRow row : rows) {
            Accumulator currency = byCurrency.get(row.currency());
            if (currency == null) {
                currency = new Accumulator(row.currency(), periods);
                byCurrency.put(row.currency(), currency);
            }
            currency.add(row, from, to, granularity, today);
        }
        List<CurrencyFigures> figures = byCurrency.values().stream()
                .sorted(Comparator.comparing(a -> a.currency, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> a.figures(from, to, granularity, topN)).toList();
        return new Dashboard(today, from, to, granularity, figures);
    }

    private static void validate(LocalDate from, LocalDate to, Granularity granularity, int topN) {
        List<FieldViolation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new FieldViolation("from", "required", "from is required"));
        }
        if (to == null) {
            violations.add(new FieldViolation("to", "required", "to is required"));
        }
        if (granularity == null) {
            violations.add(new FieldViolation("granularity", "required", "granularity is required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("to", "not-before-from",
                    "to (" + to + ") is before from (" + from + ")"));
        } else if (from != null && to != null && granularity != null && granularity.periods(from, to) > MAX_PERIODS) {
            violations.add(new FieldViolation("to", "max-periods", "from " + from + " to " + to + " spans more than "
                    + MAX_PERIODS + " " + granularity.name().toLowerCase(Locale.ROOT) + "s"));
        }
        if (topN < 1 || topN > MAX_TOP) {
            violations.add(new FieldViolation("top", "range",
                    "top must be from 1 to " + MAX_TOP + ", found " + topN));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }

    /** The running figures of one currency. */
    private static final class Accumulator {
        private final String currency;
        private BigDecimal zero;
        private final Map<String, Sum> byStatus = new HashMap<>();
        private final Sum invoiced = new Sum();
        private final Sum[] periods;
        private final Sum overdue = new Sum();
        private final Map<String, Customer> customers = new HashMap<>();

        Accumulator(String currency, int periods) {
            this.currency = currency;
            this.periods = new Sum[periods];
            for (int i = 0; i < periods; i++) {
                this.periods[i] = new Sum();
            }
            InvoiceStatuses.ALL.forEach(s -> byStatus.put(s, new Sum()));
        }

        void add(InvoiceRow row, LocalDate from, LocalDate to, Granularity granularity, LocalDate today) {
            if (zero == null) {
                zero = BigDecimal.ZERO.setScale(scale(currency, row.grossAmount()));
            }
            byStatus.computeIfAbsent(row.status(), s -> new Sum()).add(row.grossAmount());
            if (row.overdueOn(today)) {
                overdue.add(row.outstandingAmount());
            }
            LocalDate date = row.invoiceDate();
            boolean issued = row.status() != null && INVOICED.contains(row.status());
            if (issued && date != null && !date.isBefore(from) && !date.isAfter(to)) {
                invoiced.add(row.grossAmount());
                periods[(int) granularity.index(from, date)].add(row.grossAmount());
                customers.computeIfAbsent(row.customerNumber(), n -> new Customer()).add(row);
            }
        }

        CurrencyFigures figures(LocalDate from, LocalDate to, Granularity granularity, int topN) {
            List<StatusFigure> statuses = byStatus.entrySet().stream().sorted(Map.Entry.comparingByKey(STATUS_ORDER))
                    .map(e -> new StatusFigure(e.getKey(), e.getValue().count, e.getValue().amount(zero))).toList();
            List<PeriodFigure> byPeriod = new ArrayList<>(periods.length);
            for (int i = 0; i < periods.length; i++) {
                byPeriod.add(new PeriodFigure(granularity.start(from, i), granularity.end(from, to, i),
                        periods[i].count, periods[i].amount(zero)));
            }
            List<CustomerFigure> top = customers.entrySet().stream()
                    .map(e -> new CustomerFigure(e.getKey(), e.getValue().latest.customerName(),
                            e.getValue().sum.count, e.getValue().sum.amount(zero)))
                    .sorted(Comparator.comparing(CustomerFigure::grossAmount).reversed()
                            .thenComparing(Comparator.comparingLong(CustomerFigure::count).reversed())
                            .thenComparing(CustomerFigure::customerNumber,
                                    Comparator.nullsLast(Comparator.naturalOrder())))
                    .limit(topN).toList();
            return new CurrencyFigures(currency, statuses, invoiced.figure(zero), byPeriod, overdue.figure(zero),
                    top);
        }

        /** The currency's minor-unit scale; for a code Java does not know, the scale of its amounts. */
        private static int scale(String currency, BigDecimal sample) {
            try {
                return Money.scaleOf(Currency.getInstance(Objects.requireNonNullElse(currency, "")));
            } catch (IllegalArgumentException e) {
                return sample == null ? 2 : sample.scale();
            }
        }
    }

    /** A count and an exact sum. */
    private static final class Sum {
        long count;
        private BigDecimal sum;

        void add(BigDecimal amount) {
            count++;
            if (amount != null) {
                sum = sum == null ? amount : sum.add(amount);
            }
        }

        BigDecimal amount(BigDecimal zero) {
            return sum == null ? zero : sum.add(zero);
        }

        Figure figure(BigDecimal zero) {
            return new Figure(count, amount(zero));
        }
    }

    /** One customer's invoiced sum and the row its name is taken from. */
    private static final class Customer {
        private static final Comparator<InvoiceRow> LATER = Comparator.comparing(InvoiceRow::invoiceDate)
                .thenComparing(InvoiceRow::invoiceId);
        final Sum sum = new Sum();
        InvoiceRow latest;

        void add(InvoiceRow row) {
            sum.add(row.grossAmount());
            if (latest == null || LATER.compare(row, latest) > 0) {
                latest = row;
            }
        }
    }
}
