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
 * What the invoice list filters and sorts on: every column of {@link InvoiceRow} (read by
 * {@link #get}), the computed {@code overdue} and the free-text {@code q}. The API name is the record
 * component's name.
 */
enum Field {
    INVOICE_ID("invoiceId", Type.TEXT),
    NUMBER("number", Type.IDENTIFIER),
    NUMBER_SEQUENCE("numberSequence", Type.INTEGER),
    STATUS("status", Type.ENUM, InvoiceStatuses.ALL.toArray(String[]::new)),
    CUSTOMER_NUMBER("customerNumber", Type.TEXT),
    CUSTOMER_NAME("customerName", Type.TEXT),
    CUSTOMER_ORGANISATION_NUMBER("customerOrganisationNumber", Type.TEXT),
    CURRENCY("currency", Type.TEXT),
    INVOICE_DATE("invoiceDate", Type.DATE),
    DUE_DATE("dueDate", Type.DATE),
    PAYMENT_DATE("paymentDate", Type.DATE),
    NET_AMOUNT("netAmount", Type.DECIMAL),
    VAT_AMOUNT("vatAmount", Type.DECIMAL),
    GROSS_AMOUNT("grossAmount", Type.DECIMAL),
    PAID_AMOUNT("paidAmount", Type.DECIMAL),
    CREDITED_AMOUNT("creditedAmount", Type.DECIMAL),
    OUTSTANDING_AMOUNT("outstandingAmount", Type.DECIMAL),
    ORIGIN("origin", Type.ENUM,
            Arrays.stream(InvoiceOrigin.Kind.values()).map(Enum::name).toArray(String[]::new)),
    ORDER_ID("orderId", Type.TEXT),
    PO_NUMBER("poNumber", Type.TEXT),
    LANGUAGE("language", Type.TEXT),
    CREATED_AT("createdAt", Type.INSTANT),
    CREATED_BY("createdBy", Type.TEXT),
    UPDATED_AT("updatedAt", Type.INSTANT),
    UPDATED_BY("updatedBy", Type.TEXT),
    FINALIZED_AT("finalizedAt", Type.INSTANT),
    /** Computed: {@link InvoiceRow#overdueOn} the caller's today. */
    OVERDUE("overdue", Type.BOOLEAN),
    /** Free text over customer name, customer number and invoice number. */
    Q("q", Type.SEARCH);

    /** What a field holds, and so which operators and values it takes. */
    enum Type {
        /** Text: compared folded ({@link Text}), also ordered. */
        TEXT("text", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, CONTAINS, STARTSWITH, IS_NULL, IS_NOT_NULL)),
        /** Text without an alphabetical order worth filtering on ({@code number}: use {@code numberSequence}). */
        IDENTIFIER("text", EnumSet.of(EQ, NE, IN, CONTAINS, STARTSWITH, IS_NULL, IS_NOT_NULL)),
        ENUM("an enum", EnumSet.of(EQ, NE, IN, IS_NULL, IS_NOT_NULL)),
        DECIMAL("a number", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        INTEGER("a whole number", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        DATE("a date", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        INSTANT("an instant", EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)),
        BOOLEAN("a boolean", EnumSet.of(EQ, NE)),
        SEARCH("free text", EnumSet.of(CONTAINS));

        /** How messages name the type: "grossAmount is a number". */
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
    /** The values of an {@link Type#ENUM} field, upper case. */
    final List<String> values;

    Field(String apiName, Type type, String... values) {
        this.apiName = apiName;
        this.type = type;
        this.values = List.of(values);
    }

    /** The field of an API name, ignoring case; null when there is none. */
    static Field byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code value} is one of this enum field's constants themselves (not merely equal to one). */
    boolean isConstant(Object value) {
        for (String constant : values) {
            if (value == constant) {
                return true;
            }
        }
        return false;
    }

    /** A column of the row itself, as opposed to the computed {@code overdue} and {@code q}. */
    boolean isColumn() {
        return this != OVERDUE && this != Q;
    }

    /**
     * The row's value of this column: String, Long, BigDecimal, LocalDate or Instant; null when absent. A switch
     * rather than a function per field, so the JIT inlines the accessor instead of calling through one
     * megamorphic call site.
     */
    Object get(InvoiceRow row) {
        return switch (this) {
            case INVOICE_ID -> row.invoiceId();
            case NUMBER -> row.number();
            case NUMBER_SEQUENCE -> row.numberSequence();
            case STATUS -> row.status();
            case CUSTOMER_NUMBER -> row.customerNumber();
            case CUSTOMER_NAME -> row.customerName();
            case CUSTOMER_ORGANISATION_NUMBER -> row.customerOrganisationNumber();
            case CURRENCY -> row.currency();
            case INVOICE_DATE -> row.invoiceDate();
            case DUE_DATE -> row.dueDate();
            case PAYMENT_DATE -> row.paymentDate();
            case NET_AMOUNT -> row.netAmount();
            case VAT_AMOUNT -> row.vatAmount();
            case GROSS_AMOUNT -> row.grossAmount();
            case PAID_AMOUNT -> row.paidAmount();
            case CREDITED_AMOUNT -> row.creditedAmount();
            case OUTSTANDING_AMOUNT -> row.outstandingAmount();
            case ORIGIN -> row.origin();
            case ORDER_ID -> row.orderId();
            case PO_NUMBER -> row.poNumber();
            case LANGUAGE -> row.language();
            case CREATED_AT -> row.createdAt();
            case CREATED_BY -> row.createdBy();
            case UPDATED_AT -> row.updatedAt();
            case UPDATED_BY -> row.updatedBy();
            case FINALIZED_AT -> row.finalizedAt();
            case OVERDUE, Q -> throw new IllegalStateException(apiName + " is not a column");
        };
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
