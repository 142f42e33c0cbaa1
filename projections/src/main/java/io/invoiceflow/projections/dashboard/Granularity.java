package io.invoiceflow.projections.dashboard;

import io.invoiceflow.events.DomainException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the dashboard buckets invoiced amounts: per calendar day or per calendar month. */
public enum Granularity {
    DAY, MONTH;

    /** The granularity of a request parameter, {@code day} or {@code month} (any case); blank means month. */
    public static Granularity parse(String value) {
        if (value == null || value.isBlank()) {
            return MONTH;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> DAY;
            case "month" -> MONTH;
            default -> throw DomainException.invalid("granularity", "one-of",
                    "granularity must be day or month, found '" + value + "'");
        };
    }

    /** How many periods {@code from} to {@code to} (both inclusive, {@code from <= to}) touch. */
    long periods(LocalDate from, LocalDate to) {
        return index(from, to) + 1;
    }

    /** The period of {@code date}, counted from the period of {@code from}. */
    long index(LocalDate from, LocalDate date) {
        return this == DAY ? ChronoUnit.DAYS.between(from, date)
                : ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(date));
    }

    /** The first day of period {@code index}, not before {@code from}. */
    LocalDate start(LocalDate from, long index) {
        return this == DAY ? from.plusDays(index) : index == 0 ? from : from.withDayOfMonth(1).plusMonths(index);
    }

    /** The last day of period {@code index}, not after {@code to}. */
    LocalDate end(LocalDate from, LocalDate to, long index) {
        LocalDate end = this == DAY ? from.plusDays(index) : YearMonth.from(from).plusMonths(index).atEndOfMonth();
        return end.isAfter(to) ? to : end;
    }
}
