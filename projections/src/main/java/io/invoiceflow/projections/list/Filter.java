package io.invoiceflow.projections.list;

import io.invoiceflow.projections.list.Field.Op;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A parsed, type-checked filter expression. {@link #bind} turns it into a row predicate for one query
 * (resolving {@code today}), so evaluating a row allocates nothing. {@link #canonical} prints it in one
 * normal form, which the cursor's fingerprint is taken from.
 *
 * <p>Logic is two-valued: a comparison with a missing (null) value is false, except {@code ne}, which is
 * always the negation of {@code eq}.
 */
sealed interface Filter {

    /** The filter of an absent or blank expression. */
    Filter ALL = new All();

    /** A bound filter: whether a row matches. */
    @FunctionalInterface
    interface RowTest {
        boolean test(InvoiceRow row);
    }

    RowTest bind(LocalDate today, Alphabet alphabet);

    void canonical(StringBuilder out);

    default String canonical() {
        StringBuilder out = new StringBuilder();
        canonical(out);
        return out.toString();
    }

    record All() implements Filter {
        @Override
        public RowTest bind(LocalDate today, Alphabet alphabet) {
            return row -> true;
        }

        @Override
        public void canonical(StringBuilder out) {
            // the empty expression
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public RowTest bind(LocalDate today, Alphabet alphabet) {
            RowTest p = inner.bind(today, alphabet);
            return row -> !p.test(row);
        }

        @Override
        public void canonical(StringBuilder out) {
            out.append("not ");
            inner.canonical(out);
        }
    }

    /** All parts hold ({@code and}) or one of them does ({@code or}). */
    record Junction(boolean all, List<Filter> parts) implements Filter {
        @Override
        public RowTest bind(LocalDate today, Alphabet alphabet) {
            RowTest[] bound = parts.stream().map(p -> p.bind(today, alphabet)).toArray(RowTest[]::new);
            if (all) {
                return row -> {
                    for (RowTest b : bound) {
                        if (!b.test(row)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            return row -> {
                for (RowTest b : bound) {
                    if (b.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }

        @Override
        public void canonical(StringBuilder out) {
            out.append('(');
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    out.append(all ? " and " : " or ");
                }
                parts.get(i).canonical(out);
            }
            out.append(')');
        }
    }

    /** {@code field op value}, {@code field in (values)} ({@code op} IN) or {@code field is [not] null} (no values). */
    record Condition(Field field, Op op, List<Literal> values) implements Filter {
        @Override
        public RowTest bind(LocalDate today, Alphabet alphabet) {
            Object[] v = values.stream().map(l -> l.resolve(today)).toArray();
            return switch (field.type) {
                case BOOLEAN -> {
                    boolean value = (Boolean) v[0];
                    boolean wanted = op == Op.EQ ? value : !value;
                    yield row -> row.overdueOn(today) == wanted;
                }
                case SEARCH -> {
                    String needle = (String) v[0];
                    yield row -> containsText(row.customerName(), needle)
                            || containsText(row.customerNumber(), needle) || containsText(row.number(), needle);
                }
                default -> column(v, alphabet);
            };
        }

        private RowTest column(Object[] v, Alphabet alphabet) {
            Field f = field;
            if (f.type == Field.Type.ENUM && (op == Op.EQ || op == Op.NE || op == Op.IN)) {
                boolean in = op != Op.NE;
                return row -> enumIn(f, f.get(row), v, alphabet) == in;
            }
            return switch (op) {
                case IS_NULL -> row -> f.get(row) == null;
                case IS_NOT_NULL -> row -> f.get(row) != null;
                case CONTAINS -> row -> containsText((String) f.get(row), (String) v[0]);
                case STARTSWITH -> row -> {
                    Object value = f.get(row);
                    return value != null && Text.startsWith((String) value, (String) v[0]);
                };
                case IN -> row -> {
                    Object value = f.get(row);
                    if (value != null) {
                        for (Object candidate : v) {
                            if (f.compare(value, candidate, alphabet) == 0) {
                                return true;
                            }
                        }
                    }
                    return false;
                };
                case NE -> row -> {
                    Object value = f.get(row);
                    return value == null || f.compare(value, v[0], alphabet) != 0;
                };
                default -> row -> {
                    Object value = f.get(row);
                    return value != null && op.accepts(f.compare(value, v[0], alphabet));
                };
            };
        }

        /**
         * Whether an enum value is one of the wanted ones. The wanted values are the field's constants; a row's value
         * that is one of them by identity (the statuses {@code Folds} sets and enum names are) is decided without
         * reading its characters.
         */
        private static boolean enumIn(Field f, Object value, Object[] wanted, Alphabet alphabet) {
            if (value == null) {
                return false;
            }
            for (Object w : wanted) {
                if (value == w) {
                    return true;
                }
            }
            if (f.isConstant(value)) {
                return false;
            }
            for (Object w : wanted) {
                if (f.compare(value, w, alphabet) == 0) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsText(String value, String needle) {
            return value != null && Text.contains(value, needle);
        }

        @Override
        public void canonical(StringBuilder out) {
            out.append(field.apiName).append(' ').append(op.word);
            if (op == Op.IN) {
                out.append(" (");
                for (int i = 0; i < values.size(); i++) {
                    out.append(i > 0 ? ", " : "").append(values.get(i).canonical());
                }
                out.append(')');
            } else if (!values.isEmpty()) {
                out.append(' ').append(values.get(0).canonical());
            }
        }
    }

    /** A value in an expression, already of its field's type. */
    sealed interface Literal {
        Object resolve(LocalDate today);

        String canonical();
    }

    /** A text, enum, number, date, instant or boolean value. */
    record Fixed(Object value) implements Literal {
        @Override
        public Object resolve(LocalDate today) {
            return value;
        }

        @Override
        public String canonical() {
            if (value instanceof String s) {
                return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
            if (value instanceof BigDecimal d) {
                return d.stripTrailingZeros().toPlainString();
            }
            return value.toString();
        }
    }

    /** {@code today}, {@code today-30}, {@code today+7}: a date relative to the caller's today. */
    record Today(int offsetDays) implements Literal {
        @Override
        public Object resolve(LocalDate today) {
            return today.plusDays(offsetDays);
        }

        @Override
        public String canonical() {
            return offsetDays == 0 ? "today" : offsetDays > 0 ? "today+" + offsetDays : "today" + offsetDays;
        }
    }
}
