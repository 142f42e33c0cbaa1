package io.invoiceflow.web.api;

import io.invoiceflow.events.DomainException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The catalogue list's options (Q5): filter by {@code status} ({@code active}, the default, {@code deactivated}
 * or {@code all}) and {@code mine} (created by the caller), sort by any column ({@code sort}, {@code direction}
 * {@code asc} or {@code desc}; empty values last), and the columns of the CSV and XLSX exports in the list's
 * language.
 */
public final class FrequencyListing {
    /** A column: its query name, its headings (nb, sv, en) and its sort key. */
    public enum Column {
        NAME("name", "Navn", "Namn", "Name", r -> lower(r.name())),
        SUMMARY("summary", "Repetisjonsmønster", "Upprepningsmönster", "Pattern", r -> lower(r.summary())),
        NEXT_DATE("nextDate", "Neste dato", "Nästa datum", "Next date", Frequencies.Row::nextDate),
        END("end", "Avslutning", "Avslut", "End", r -> lower(r.endSummary())),
        IN_USE("inUse", "I bruk", "I bruk", "In use", Frequencies.Row::inUse),
        LAST_CHANGED_AT("lastChangedAt", "Sist endret", "Senast ändrad", "Last changed", Frequencies.Row::lastChangedAt),
        LAST_CHANGED_BY("lastChangedBy", "Av", "Av", "By", r -> lower(changedBy(r))),
        ACTIVE("active", "Aktiv", "Aktiv", "Active", Frequencies.Row::active),
        ANCHOR("anchor", "Startdato", "Startdatum", "Start date", Frequencies.Row::anchor),
        CREATED_BY("createdBy", "Opprettet av", "Skapad av", "Created by", r -> lower(r.createdBy())),
        RRULE("rrule", "RRULE", "RRULE", "RRULE", Frequencies.Row::rrule);

        private final String param;
        private final String[] headings;
        private final Function<Frequencies.Row, Comparable<?>> key;

        Column(String param, String nb, String sv, String en, Function<Frequencies.Row, Comparable<?>> key) {
            this.param = param;
            this.headings = new String[] {nb, sv, en};
            this.key = key;
        }

        public String param() {
            return param;
        }

        public String heading(String language) {
            return switch (language) {
                case "nb" -> headings[0];
                case "sv" -> headings[1];
                default -> headings[2];
            };
        }
    }

    /** The columns of an export, in order. */
    public static final List<Column> EXPORTED = List.of(Column.NAME, Column.SUMMARY, Column.NEXT_DATE, Column.END,
            Column.IN_USE, Column.LAST_CHANGED_AT, Column.LAST_CHANGED_BY, Column.ACTIVE, Column.ANCHOR, Column.RRULE);

    private FrequencyListing() {
    }

    /** The rows the options select, in their order. Refused (400) on the parameter that is wrong. */
    public static List<Frequencies.Row> select(List<Frequencies.Row> rows, String status, String mine, String sort,
                                               String direction, String caller) {
        String show = status == null ? "active" : status;
        if (!List.of("active", "deactivated", "all").contains(show)) {
            throw DomainException.invalid("status", "one-of", "status must be one of active, deactivated, all");
        }
        if (mine != null && !mine.equals("true") && !mine.equals("false")) {
            throw DomainException.invalid("mine", "one-of", "mine must be true or false");
        }
        Column column = sort == null ? Column.NAME : Arrays.stream(Column.values())
                .filter(c -> c.param.equals(sort)).findFirst()
                .orElseThrow(() -> DomainException.invalid("sort", "one-of", "sort must be one of "
                        + Arrays.stream(Column.values()).map(Column::param).toList()));
        String order = direction == null ? "asc" : direction;
        if (!order.equals("asc") && !order.equals("desc")) {
            throw DomainException.invalid("direction", "one-of", "direction must be asc or desc");
        }
        Comparator<Comparable<Object>> natural = Comparator.<Comparable<Object>>naturalOrder();
        Comparator<Frequencies.Row> byColumn = Comparator.comparing(r -> sortKey(column, r),
                Comparator.nullsLast(order.equals("asc") ? natural : natural.reversed()));
        return rows.stream()
                .filter(r -> show.equals("all") || r.active() == show.equals("active"))
                .filter(r -> !"true".equals(mine) || caller.equals(r.createdBy()))
                .sorted(byColumn.thenComparing(r -> lower(r.name())).thenComparing(Frequencies.Row::frequencyId))
                .toList();
    }

    /** A cell's value for the export: strings, numbers, dates and date-times in the tenant's zone. */
    public static Object cell(Column column, Frequencies.Row row, String language, ZoneId zone) {
        return switch (column) {
            case NAME -> row.name();
            case SUMMARY -> row.summary();
            case NEXT_DATE -> row.nextDate();
            case END -> row.endSummary();
            case IN_USE -> row.inUse();
            case LAST_CHANGED_AT -> LocalDateTime.ofInstant(row.lastChangedAt(), zone).withNano(0);
            case LAST_CHANGED_BY -> changedBy(row);
            case ACTIVE -> yesNo(row.active(), language);
            case ANCHOR -> row.anchor();
            case CREATED_BY -> row.createdBy();
            case RRULE -> row.rrule();
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<Object> sortKey(Column column, Frequencies.Row row) {
        return (Comparable) column.key.apply(row);
    }

    private static String changedBy(Frequencies.Row row) {
        return row.lastChangedByName() != null ? row.lastChangedByName() : row.lastChangedBy();
    }

    private static String yesNo(boolean value, String language) {
        return switch (language) {
            case "nb" -> value ? "Ja" : "Nei";
            case "sv" -> value ? "Ja" : "Nej";
            default -> value ? "Yes" : "No";
        };
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
