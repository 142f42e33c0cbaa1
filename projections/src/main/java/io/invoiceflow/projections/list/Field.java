package io.invoiceflow.projections.list;

import io.invoiceflow.events.invoice.InvoiceOrigin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.invoiceflow.projections.list.Field.Op.CONTAINS;
import static io.invoiceflow.projections.list.Field.Op.EQ;
import static io.invoiceflow.projections.list.Field.Op.GE;
import static io.invoiceflow.projections.list.Field.Op.GT;
import static io.invoiceflow.projections.list.Field.Op.IN;
import static io.invoiceflow.projections.list.Field.Op.IS_NOT_NULL;
import static io.invoiceflow.projections.list.Field.Op.IS_NULL;
import static io.invoiceflow.projections.list.Field.Op.LE;
import static io.invoiceflow.projections.list.Field.Op.LT;
import static io.invoiceflow.projections.list.Field.Op.NE;
import static io.invoiceflow.projections.list.Field.Op.STARTSWITH;

/**
 * What the invoice list filters and sorts on: every column of {@link InvoiceRow} (read through method
 * references), the computed {@code overdue} and the free-text {@code q}. The API name is the record
 * component's name.
 */
enum Field {
    INVOICE_ID("invoiceId", Type.TEXT, InvoiceRow::invoiceId),
    NUMBER("number", Type.IDENTIFIER, InvoiceRow::number),
    NUMBER_SEQUENCE("numberSequence", Type.INTEGER, InvoiceRow::numberSequence),
    STATUS("status", Type.ENUM, InvoiceRow::status, "DRAFT", "FINALIZED", "PAID", "VOID", "CREDITED"),
    CUSTOMER_NUMBER("customerNumber", Type.TEXT, InvoiceRow::customerNumber),
    CUSTOMER_NAME("customerName", Type.TEXT, InvoiceRow::customerName),
    CUSTOMER_ORGANISATION_NUMBER("customerOrganisationNumber", Type.TEXT, InvoiceRow::customerOrganisationNumber),
    CURRENCY("currency", Type.TEXT, InvoiceRow::currency),
    INVOICE_DATE("invoiceDate", Type.DATE, InvoiceRow::invoiceDate),
    DUE_DATE("dueDate", Type.DATE, InvoiceRow::dueDate),
    PAYMENT_DATE("paymentDate", Type.DATE, InvoiceRow::paymentDate),
    NET_AMOUNT("netAmount", Type.DECIMAL, InvoiceRow::netAmount),
    VAT_AMOUNT("vatAmount", Type.DECIMAL, InvoiceRow::vatAmount),
    GROSS_AMOUNT("grossAmount", Type.DECIMAL, InvoiceRow::grossAmount),
    PAID_AMOUNT("paidAmount", Type.DECIMAL, InvoiceRow::paidAmount),
    CREDITED_AMOUNT("creditedAmount", Type.DECIMAL, InvoiceRow::creditedAmount),
    OUTSTANDING_AMOUNT("outstandingAmount", Type.DECIMAL, InvoiceRow::outstandingAmount),
    ORIGIN("origin", Type.ENUM, InvoiceRow::origin,
            Arrays.stream(InvoiceOrigin.Kind.values()).map(Enum::name).toArray(String[]::new)),
    ORDER_ID("orderId", Type.TEXT, InvoiceRow::orderId),
    PO_NUMBER("poNumber", Type.TEXT, InvoiceRow::poNumber),
    LANGUAGE("language", Type.TEXT, InvoiceRow::language),
    CREATED_AT("createdAt", Type.INSTANT, InvoiceRow::createdAt),
    CREATED_BY("createdBy", Type.TEXT, InvoiceRow::createdBy),
    UPDATED_AT("updatedAt", Type.INSTANT, InvoiceRow::updatedAt),
    UPDATED_BY("updatedBy", Type.TEXT, InvoiceRow::updatedBy),
    FINALIZED_AT("finalizedAt", Type.INSTANT, InvoiceRow::finalizedAt),
    /** Computed: {@link InvoiceRow#overdueOn} the caller's today. */
    OVERDUE("overdue", Type.BOOLEAN, null),
    /** Free text over customer name, customer number and invoice number. */
    Q("q", Type.SEARCH, null);

    /** What a field holds, and so which operators and values it takes. */
    enum Type {
        /** Text: compared folded ({@link Text}), also ordered. */
        TEXT("text", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, CONTAINS, STARTSWITH, IS_NULL, IS_NOT_NULL)),
        /** Text without an alphabetical order worth filtering on ({@code number}: use {@code numberSequence}). */
        IDENTIFIER("text", EnumSet.of(EQ, NE, IN, CONTAINS, STARTSWITH, IS_NULL, IS_NOT_NULL)),
        ENUM("enum", EnumSet.of(EQ, NE, IN, IS_NULL, IS_NOT_NULL)),
        DECIMAL("number", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        INTEGER("whole number", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        DATE("date", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        INSTANT("instant", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        BOOLEAN("boolean", EnumSet.of(EQ, NE)),
        SEARCH("free text", EnumSet.of(CONTAINS));

        final String label;
        final Set<Op> ops;

        Type(String label, Set<Op> ops) {
            this.label = label;
            this.ops = ops;
        }
    }

    /** A filter operator: its word and, for comparisons, its symbol. */
    enum Op {
        EQ("eq", "="), NE("ne", "!="), LT("lt", "<"), LE("le", "<="), GT("gt", ">"), GE("ge", ">="),
        IN("in", null), CONTAINS("contains", null), STARTSWITH("startswith", null),
        IS_NULL("is null", null), IS_NOT_NULL("is not null", null);

        final String word;
        final String symbol;

        Op(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        /** Whether a comparison result (negative, zero, positive) satisfies this comparison operator. */
        boolean accepts(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                default -> throw new IllegalStateException(this + " is not a comparison");
            };
        }
    }

    private static final Map<String, Field> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.apiName.toLowerCase(Locale.ROOT), f -> f));

    final String apiName;
    final Type type;
    private final Function<InvoiceRow, Object> getter;
    /** The values of an {@link Type#ENUM} field, upper case. */
    final List<String> values;

    Field(String apiName, Type type, Function<InvoiceRow, Object> getter, String... values) {
        this.apiName = apiName;
        this.type = type;
        this.getter = getter;
        this.values = List.of(values);
    }

    /** The field of an API name, ignoring case; null when there is none. */
    static Field byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** A column of the row itself, as opposed to the computed {@code overdue} and {@code q}. */
    boolean isColumn() {
        return getter != null;
    }

    /** The row's value of this column: String, Long, BigDecimal, LocalDate or Instant; null when absent. */
    Object get(InvoiceRow row) {
        return getter.apply(row);
    }

    /** Compares two non-null values of this column; text folded ({@link Text#compare}), others naturally. */
    int compare(Object a, Object b, Alphabet alphabet) {
        return switch (type) {
            case TEXT, IDENTIFIER, ENUM -> Text.compare((String) a, (String) b, alphabet);
            case DECIMAL -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case INTEGER -> Long.compare((Long) a, (Long) b);
            case DATE -> ((LocalDate) a).compareTo((LocalDate) b);
            case INSTANT -> ((Instant) a).compareTo((Instant) b);
            case BOOLEAN, SEARCH -> throw new IllegalStateException(apiName + " is not a column");
        };
    }

    /** Like {@link #compare} but a total order: text that folds alike is ordered by its exact characters. */
    int compareTotal(Object a, Object b, Alphabet alphabet) {
        return type == Type.TEXT || type == Type.IDENTIFIER || type == Type.ENUM
                ? Text.compareTotal((String) a, (String) b, alphabet) : compare(a, b, alphabet);
    }
}
