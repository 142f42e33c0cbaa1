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
 * What the invoice list filters and sorts on: every column of {@link InvoiceRow}, the computed {@code overdue} and
 * the free-text {@code q}. The API name is the record component's name. Each column reads its value in its own
 * small {@link #get} (rather than a function or a switch over all fields), which the JIT can inline.
 */
enum Field {
    INVOICE_ID("invoiceId", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.invoiceId();
        }
    },
    NUMBER("number", Type.IDENTIFIER) {
        @Override
        Object get(InvoiceRow row) {
            return row.number();
        }
    },
    NUMBER_SEQUENCE("numberSequence", Type.INTEGER) {
        @Override
        Object get(InvoiceRow row) {
            return row.numberSequence();
        }
    },
    STATUS("status", Type.ENUM, InvoiceStatuses.ALL.toArray(String[]::new)) {
        @Override
        Object get(InvoiceRow row) {
            return row.status();
        }
    },
    CUSTOMER_NUMBER("customerNumber", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.customerNumber();
        }
    },
    CUSTOMER_NAME("customerName", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.customerName();
        }
    },
    CUSTOMER_ORGANISATION_NUMBER("customerOrganisationNumber", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.customerOrganisationNumber();
        }
    },
    CURRENCY("currency", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.currency();
        }
    },
    INVOICE_DATE("invoiceDate", Type.DATE) {
        @Override
        Object get(InvoiceRow row) {
            return row.invoiceDate();
        }
    },
    DUE_DATE("dueDate", Type.DATE) {
        @Override
        Object get(InvoiceRow row) {
            return row.dueDate();
        }
    },
    PAYMENT_DATE("paymentDate", Type.DATE) {
        @Override
        Object get(InvoiceRow row) {
            return row.paymentDate();
        }
    },
    NET_AMOUNT("netAmount", Type.DECIMAL) {
        @Override
        Object get(InvoiceRow row) {
            return row.netAmount();
        }
    },
    VAT_AMOUNT("vatAmount", Type.DECIMAL) {
        @Override
        Object get(InvoiceRow row) {
            return row.vatAmount();
        }
    },
    GROSS_AMOUNT("grossAmount", Type.DECIMAL) {
        @Override
        Object get(InvoiceRow row) {
            return row.grossAmount();
        }
    },
    PAID_AMOUNT("paidAmount", Type.DECIMAL) {
        @Override
        Object get(InvoiceRow row) {
            return row.paidAmount();
        }
    },
    CREDITED_AMOUNT("creditedAmount", Type.DECIMAL) {
        @Override
        Object get(InvoiceRow row) {
            return row.creditedAmount();
        }
    },
    OUTSTANDING_AMOUNT("outstandingAmount", Type.DECIMAL) {
        @Override
        Object get(InvoiceRow row) {
            return row.outstandingAmount();
        }
    },
    ORIGIN("origin", Type.ENUM,
            Arrays.stream(InvoiceOrigin.Kind.values()).map(Enum::name).toArray(String[]::new)) {
        @Override
        Object get(InvoiceRow row) {
            return row.origin();
        }
    },
    ORDER_ID("orderId", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.orderId();
        }
    },
    PO_NUMBER("poNumber", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.poNumber();
        }
    },
    LANGUAGE("language", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.language();
        }
    },
    CREATED_AT("createdAt", Type.INSTANT) {
        @Override
        Object get(InvoiceRow row) {
            return row.createdAt();
        }
    },
    CREATED_BY("createdBy", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.createdBy();
        }
    },
    UPDATED_AT("updatedAt", Type.INSTANT) {
        @Override
        Object get(InvoiceRow row) {
            return row.updatedAt();
        }
    },
    UPDATED_BY("updatedBy", Type.TEXT) {
        @Override
        Object get(InvoiceRow row) {
            return row.updatedBy();
        }
    },
    FINALIZED_AT("finalizedAt", Type.INSTANT) {
        @Override
        Object get(InvoiceRow row) {
            return row.finalizedAt();
        }
    },
    /** Computed: {@link InvoiceRow#overdueOn} the caller's today. */
    OVERDUE("overdue", Type.BOOLEAN),
    /** Free text over customer name, customer number and invoice number. */
    Q("q", Type.SEARCH);

    /** What a field holds, so which operators and values it takes and how two of its values compare. */
    enum Type {
        /** Text: compared folded ({@link Text}), also ordered. */
        TEXT("text", true, EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, CONTAINS, STARTSWITH, IS_NULL, IS_NOT_NULL)),
        /** Text without an alphabetical order worth filtering on ({@code number}: use {@code numberSequence}). */
        IDENTIFIER("text", true, EnumSet.of(EQ, NE, IN, CONTAINS, STARTSWITH, IS_NULL, IS_NOT_NULL)),
        ENUM("an enum", true, EnumSet.of(EQ, NE, IN, IS_NULL, IS_NOT_NULL)),
        DECIMAL("a number", false, EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)) {
            @Override
            int compare(Object a, Object b, Alphabet alphabet) {
                return ((BigDecimal) a).compareTo((BigDecimal) b);
            }
        },
        INTEGER("a whole number", false, EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)) {
            @Override
            int compare(Object a, Object b, Alphabet alphabet) {
                return Long.compare((Long) a, (Long) b);
            }
        },
        DATE("a date", false, EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)) {
            @Override
            int compare(Object a, Object b, Alphabet alphabet) {
                return ((LocalDate) a).compareTo((LocalDate) b);
            }
        },
        INSTANT("an instant", false, EnumSet.of(EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL)) {
            @Override
            int compare(Object a, Object b, Alphabet alphabet) {
                return ((Instant) a).compareTo((Instant) b);
            }
        },
        BOOLEAN("a boolean", false, EnumSet.of(EQ, NE)),
        SEARCH("free text", false, EnumSet.of(CONTAINS));

        /** How messages name the type: "grossAmount is a number". */
        final String label;
        /** Values are strings, compared by {@link Text}. */
        private final boolean text;
        final Set<Op> ops;

        Type(String label, boolean text, Set<Op> ops) {
            this.label = label;
            this.text = text;
            this.ops = ops;
        }

        /** Compares two non-null values: text folded ({@link Text#compare}); the other types override it. */
        int compare(Object a, Object b, Alphabet alphabet) {
            if (!text) {
                throw new IllegalStateException(this + " values are not compared");
            }
            return Text.compare((String) a, (String) b, alphabet);
        }

        /** Like {@link #compare} but a total order: text that folds alike is ordered by its exact characters. */
        int compareTotal(Object a, Object b, Alphabet alphabet) {
            return text ? Text.compareTotal((String) a, (String) b, alphabet) : compare(a, b, alphabet);
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

    /** The row's value of this column: String, Long, BigDecimal, LocalDate or Instant; null when absent. */
    Object get(InvoiceRow row) {
        throw new IllegalStateException(apiName + " is not a column");
    }

    /** Compares two non-null values of this column; text folded ({@link Text#compare}), others naturally. */
    int compare(Object a, Object b, Alphabet alphabet) {
        return type.compare(a, b, alphabet);
    }

    /** Like {@link #compare} but a total order: text that folds alike is ordered by its exact characters. */
    int compareTotal(Object a, Object b, Alphabet alphabet) {
        return type.compareTotal(a, b, alphabet);
    }
}
