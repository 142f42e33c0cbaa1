package io.invoiceflow.recurrence;

import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.ShortMonths;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Names a canonical pattern in plain language (Q3): "Hver 2. uke på fredag", "Siste fredag i måneden",
 * "Var 3:e månad ..." and "Every 3 months on the last day". The name says how the pattern repeats,
 * not when it ends (the catalogue shows the end in its own column, see {@link #end}). Numbers are
 * ordinals where the language says them so ("den 15.", "den 15:e", "the 15th").
 */
public final class FrequencyNames {
    private static final String[] NB_DAYS = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] SV_DAYS = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"};
    private static final String[] EN_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] NB_MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember"};
    private static final String[] SV_MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"};
    private static final String[] EN_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] NB_POSITIONS = {"første", "andre", "tredje", "fjerde", "siste"};
    private static final String[] SV_POSITIONS = {"första", "andra", "tredje", "fjärde", "sista"};
    private static final String[] EN_POSITIONS = {"first", "second", "third", "fourth", "last"};
    private static final DateTimeFormatter NB_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private FrequencyNames() {
    }

    /** The name of a canonical pattern. */
    public static String name(FrequencyPattern p, NameLanguage language) {
        String name = switch (language) {
            case NB -> nb(p);
            case SV -> sv(p);
            case EN -> en(p);
        };
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + months(p, language);
    }

    /** The end in words: "Ingen sluttdato", "Slutar efter 12 gånger", "Ends on 31 December 2027". */
    public static String end(FrequencyEnd end, NameLanguage language) {
        return switch (end.kind()) {
            case NEVER -> switch (language) {
                case NB -> "Ingen sluttdato";
                case SV -> "Inget slutdatum";
                case EN -> "No end date";
            };
            case AFTER_OCCURRENCES -> {
                int n = end.occurrences();
                yield switch (language) {
                    case NB -> "Slutter etter " + n + (n == 1 ? " gang" : " ganger");
                    case SV -> "Slutar efter " + n + (n == 1 ? " gång" : " gånger");
                    case EN -> "Ends after " + n + (n == 1 ? " occurrence" : " occurrences");
                };
            }
            case ON_DATE -> {
                LocalDate until = end.until();
                yield switch (language) {
                    case NB -> "Slutter " + NB_DATE.format(until);
                    case SV -> "Slutar " + until;
                    case EN -> "Ends on " + EN_DATE.format(until);
                };
            }
        };
    }

    // ---- Norwegian bokmål

    private static String nb(FrequencyPattern p) {
        int n = p.interval();
        return switch (p.frequency()) {
            case DAILY -> n == 1 ? "hver dag" : "hver " + n + ". dag";
            case WEEKLY -> n == 1 ? "hver " + list(p.weekdays(), NB_DAYS, "og")
                    : "hver " + n + ". uke på " + list(p.weekdays(), NB_DAYS, "og");
            case MONTHLY -> nbDay(p) + (n == 1 ? " i måneden" : " i hver " + n + ". måned") + nbSkip(p);
            case YEARLY -> nbDayOfYear(p) + (n == 1 ? " hvert år" : " hvert " + n + ". år") + nbSkip(p);
        };
    }

    private static String nbDay(FrequencyPattern p) {
        return switch (p.dayRule()) {
            case DAY_OF_MONTH -> "den " + p.dayOfMonth() + ".";
            case LAST_DAY -> "siste dag";
            case NTH_WEEKDAY -> NB_POSITIONS[p.position().ordinal()] + " " + day(p.weekday(), NB_DAYS);
        };
    }

    private static String nbDayOfYear(FrequencyPattern p) {
        String month = NB_MONTHS[p.month().ordinal()];
        return p.dayRule() == DayRule.DAY_OF_MONTH ? "den " + p.dayOfMonth() + ". " + month : nbDay(p) + " i " + month;
    }

    private static String nbSkip(FrequencyPattern p) {
        if (p.shortMonths() != ShortMonths.SKIP) {
            return "";
        }
        return p.month() != null ? " (bare i skuddår)" : " (bare måneder med minst " + p.dayOfMonth() + " dager)";
    }

    // ---- Swedish

    private static String sv(FrequencyPattern p) {
        int n = p.interval();
        return switch (p.frequency()) {
            case DAILY -> n == 1 ? "varje dag" : "var " + svOrdinal(n) + " dag";
            case WEEKLY -> n == 1 ? "varje " + list(p.weekdays(), SV_DAYS, "och")
                    : "var " + svOrdinal(n) + " vecka på " + list(p.weekdays(), SV_DAYS, "och");
            case MONTHLY -> svDay(p) + (n == 1 ? " i månaden" : " i var " + svOrdinal(n) + " månad") + svSkip(p);
            case YEARLY -> svDayOfYear(p) + (n == 1 ? " varje år" : " vart " + svOrdinal(n) + " år") + svSkip(p);
        };
    }

    private static String svDay(FrequencyPattern p) {
        return switch (p.dayRule()) {
            case DAY_OF_MONTH -> "den " + svOrdinal(p.dayOfMonth());
            case LAST_DAY -> "sista dagen";
            case NTH_WEEKDAY -> SV_POSITIONS[p.position().ordinal()] + " " + day(p.weekday(), SV_DAYS) + "en";
        };
    }

    private static String svDayOfYear(FrequencyPattern p) {
        String month = SV_MONTHS[p.month().ordinal()];
        return p.dayRule() == DayRule.DAY_OF_MONTH ? "den " + svOrdinal(p.dayOfMonth()) + " " + month
                : svDay(p) + " i " + month;
    }

    private static String svSkip(FrequencyPattern p) {
        if (p.shortMonths() != ShortMonths.SKIP) {
            return "";
        }
        return p.month() != null ? " (endast skottår)" : " (endast månader med minst " + p.dayOfMonth() + " dagar)";
    }

    /** 1:a, 2:a, 3:e, 21:a, 22:a, 11:e, 12:e. */
    static String svOrdinal(int n) {
        int lastDigit = n % 10;
        boolean a = (lastDigit == 1 || lastDigit == 2) && n % 100 != 11 && n % 100 != 12;
        return n + (a ? ":a" : ":e");
    }

    // ---- English

    private static String en(FrequencyPattern p) {
        int n = p.interval();
        return switch (p.frequency()) {
            case DAILY -> n == 1 ? "every day" : "every " + n + " days";
            case WEEKLY -> n == 1 ? "every " + list(p.weekdays(), EN_DAYS, "and")
                    : "every " + n + " weeks on " + list(p.weekdays(), EN_DAYS, "and");
            case MONTHLY -> (n == 1 ? "every month on " : "every " + n + " months on ") + enDay(p) + enSkip(p);
            case YEARLY -> (n == 1 ? "every year on " : "every " + n + " years on ") + enDayOfYear(p) + enSkip(p);
        };
    }

    private static String enDay(FrequencyPattern p) {
        return switch (p.dayRule()) {
            case DAY_OF_MONTH -> "the " + enOrdinal(p.dayOfMonth());
            case LAST_DAY -> "the last day";
            case NTH_WEEKDAY -> "the " + EN_POSITIONS[p.position().ordinal()] + " " + day(p.weekday(), EN_DAYS);
        };
    }

    private static String enDayOfYear(FrequencyPattern p) {
        String month = EN_MONTHS[p.month().ordinal()];
        return p.dayRule() == DayRule.DAY_OF_MONTH ? p.dayOfMonth() + " " + month : enDay(p) + " of " + month;
    }

    private static String enSkip(FrequencyPattern p) {
        if (p.shortMonths() != ShortMonths.SKIP) {
            return "";
        }
        return p.month() != null ? " (only in leap years)" : " (only months with at least " + p.dayOfMonth() + " days)";
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st. */
    static String enOrdinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    // ---- shared

    private static String months(FrequencyPattern p, NameLanguage language) {
        if (p.months().isEmpty()) {
            return "";
        }
        return switch (language) {
            case NB -> ", bare i " + listOfMonths(p.months(), NB_MONTHS, "og");
            case SV -> ", endast i " + listOfMonths(p.months(), SV_MONTHS, "och");
            case EN -> ", only in " + listOfMonths(p.months(), EN_MONTHS, "and");
        };
    }

    private static String day(DayOfWeek day, String[] names) {
        return names[day.getValue() - 1];
    }

    private static String list(List<DayOfWeek> days, String[] names, String and) {
        return join(days.stream().map(d -> day(d, names)).toList(), and);
    }

    private static String listOfMonths(List<Month> months, String[] names, String and) {
        return join(months.stream().map(m -> names[m.ordinal()]).toList(), and);
    }

    /** "a", "a og b", "a, b og c" (no serial comma, as in all three languages' usual style here). */
    private static String join(List<String> items, String and) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + and + " " + items.get(items.size() - 1);
    }
}
