package io.invoiceflow.recurrence;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01, as
 * {@link java.time.LocalDate#toEpochDay()}), without allocating: the hot path of {@link Recurrence}.
 * Conversions follow Howard Hinnant's {@code days_from_civil} / {@code civil_from_days}.
 */
final class CivilDays {
    private CivilDays() {
    }

    /** The epoch day of {@code year-month-day}; month 1-12. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    /** {@code year * 16 * 32 + month * 32 + day} of an epoch day; read with {@link #year}, {@link #month}, {@link #day}. */
    static int civil(long epochDay) {
        long z = epochDay + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        int doe = (int) (z - era * 146_097L);
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yoe + era * 400) + (month <= 2 ? 1 : 0);
        return (year << 9) | (month << 5) | day;
    }

    static int year(int civil) {
        return civil >> 9;
    }

    static int month(int civil) {
        return (civil >> 5) & 15;
    }

    static int day(int civil) {
        return civil & 31;
    }

    static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    /** The index of the ISO week (Monday to Sunday) holding the day; week 0 starts on Monday 1969-12-29. */
    static long week(long epochDay) {
        return Math.floorDiv(epochDay + 3, 7L);
    }

    /** The epoch day of the Monday of a week index. */
    static long mondayOf(long week) {
        return week * 7 - 3;
    }
}
