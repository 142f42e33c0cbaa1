package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The list's order: the requested columns, each ascending or descending, then {@code invoiceId} ascending
 * so the order is total. Missing (null) values sort last in both directions; text sorts folded in the
 * tenant's {@link Alphabet} ({@link Text}), then by its exact characters.
 */
final class SortOrder implements Comparator<InvoiceRow> {
    /** Newest first. */
    static final String DEFAULT = "-createdAt";

    /** The columns, {@code invoiceId} last. */
    private final Field[] fields;
    private final boolean[] descending;
    private final Alphabet alphabet;

    private SortOrder(List<Field> fields, List<Boolean> descending, Alphabet alphabet) {
        this.fields = fields.toArray(Field[]::new);
        this.descending = new boolean[fields.size()];
        for (int i = 0; i < this.descending.length; i++) {
            this.descending[i] = descending.get(i);
        }
        this.alphabet = alphabet;
    }

    /** {@code -dueDate,number}: comma-separated columns, {@code -} for descending; blank for {@link #DEFAULT}. */
    static SortOrder parse(String sort, Alphabet alphabet) {
        String spec = sort == null || sort.isBlank() ? DEFAULT : sort;
        List<Field> fields = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            String name = item.strip();
            boolean desc = name.startsWith("-");
            if (desc || name.startsWith("+")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw DomainException.invalid("sort", "syntax", "sort has an empty column name in '" + spec
                        + "'; write columns separated by commas, such as -dueDate,number");
            }
            Field field = column(name);
            if (fields.contains(field)) {
                throw DomainException.invalid("sort", "duplicate-column", "sort names " + name + " twice");
            }
            fields.add(field);
            descending.add(desc);
        }
        if (!fields.contains(Field.INVOICE_ID)) {
            fields.add(Field.INVOICE_ID);
            descending.add(false);
        }
        return new SortOrder(fields, descending, alphabet);
    }

    /** A sortable column by name; {@code number} sorts numerically by {@code numberSequence}. */
    private static Field column(String name) {
        Field field = name.equalsIgnoreCase("number") ? Field.NUMBER_SEQUENCE : Field.byName(name);
        if (field == null || !field.isColumn()) {
            String known = Arrays.stream(Field.values()).filter(Field::isColumn).map(f -> f.apiName)
                    .collect(Collectors.joining(", "));
            String why = field == null ? "unknown sort column '" + name + "'"
                    : "cannot sort by " + field.apiName + " (not a column)";
            throw DomainException.invalid("sort", "unknown-column", why + "; columns are " + known);
        }
        return field;
    }

    Alphabet alphabet() {
        return alphabet;
    }

    boolean descending(int i) {
        return descending[i];
    }

    int size() {
        return fields.length;
    }

    Field field(int i) {
        return fields[i];
    }

    @Override
    public int compare(InvoiceRow a, InvoiceRow b) {
        for (int i = 0; i < fields.length; i++) {
            int c = compareValues(i, fields[i].get(a), fields[i].get(b));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A row's key: its value of every column, in order. */
    Object[] keyOf(InvoiceRow row) {
        Object[] key = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            key[i] = fields[i].get(row);
        }
        return key;
    }

    /** Compares two values of column i, nulls last, descending when asked. */
    int compareValues(int i, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = fields[i].compareTotal(a, b, alphabet);
        return descending[i] ? -c : c;
    }

    /** The order in one normal form, for the cursor's fingerprint: {@code -dueDate,numberSequence,invoiceId}. */
    String canonical() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            out.append(i > 0 ? "," : "").append(descending[i] ? "-" : "").append(fields[i].apiName);
        }
        return out.append(' ').append(alphabet.name()).toString();
    }
}
