package io.invoiceflow.streams.distribution;

import io.invoiceflow.documents.Formats;
import io.invoiceflow.documents.Language;

import java.util.List;
import java.util.Locale;

/** The text of a daily summary email (R4), in the tenant's language: Norwegian, Swedish or English. */
final class SummaryEmail {
    private SummaryEmail() {
    }

    record Text(String subject, String body) {
    }

    static Text compose(DailySummary summary, String tenantName, String languageCode) {
        Language language = Language.of(languageCode);
        Formats formats = Formats.of(Locale.forLanguageTag(language.code()));
        String day = formats.date(summary.day());
        boolean addendum = summary.sequence() > 1;
        String subject = switch (language) {
            case NB -> (addendum ? "Flere fakturaer" : "Fakturaer") + " sendt automatisk " + day + ": "
                    + summary.sent() + " sendt" + problems(summary, " ikke levert", " sendes fortsatt");
            case SV -> (addendum ? "Fler fakturor" : "Fakturor") + " skickade automatiskt " + day + ": "
                    + summary.sent() + " skickade" + problems(summary, " inte levererade", " skickas fortfarande");
            default -> (addendum ? "More invoices" : "Invoices") + " sent automatically on " + day + ": "
                    + summary.sent() + " sent" + problems(summary, " not delivered", " still being sent");
        };
        StringBuilder body = new StringBuilder();
        body.append(switch (language) {
            case NB -> "Dette sendte Invoiceflow automatisk for " + tenantName + " " + day + " (gjentagende fakturaer).";
            case SV -> "Detta skickade Invoiceflow automatiskt för " + tenantName + " " + day + " (återkommande fakturor).";
            default -> "This is what Invoiceflow sent automatically for " + tenantName + " on " + day
                    + " (recurring invoices).";
        }).append("\n");
        section(body, summary, SummaryLine.FAILED, summary.failed(), formats, switch (language) {
            case NB -> "Ikke sendt";
            case SV -> "Inte skickade";
            default -> "Not sent";
        });
        section(body, summary, SummaryLine.BOUNCED, summary.bounced(), formats, switch (language) {
            case NB -> "Sendt, men kom ikke fram";
            case SV -> "Skickade, men kom inte fram";
            default -> "Sent, but not delivered";
        });
        section(body, summary, SummaryLine.PENDING, summary.pending(), formats, switch (language) {
            case NB -> "Sendes fortsatt (forsøkes på nytt)";
            case SV -> "Skickas fortfarande (försöker igen)";
            default -> "Still being sent (retrying)";
        });
        section(body, summary, SummaryLine.SENT, summary.sent(), formats, switch (language) {
            case NB -> "Sendt";
            case SV -> "Skickade";
            default -> "Sent";
        });
        int omitted = summary.total() - summary.lines().size();
        if (omitted > 0) {
            body.append("\n").append(switch (language) {
                case NB -> "... og " + omitted + " til. Alle står i distribusjonsloggen.";
                case SV -> "... och " + omitted + " till. Alla finns i distributionsloggen.";
                default -> "... and " + omitted + " more. All of them are in the distribution log.";
            }).append("\n");
        }
        if (summary.failed() + summary.bounced() > 0) {
            body.append("\n").append(switch (language) {
                case NB -> "Fakturaene som ikke kom fram, står på listen over dokumenter som krever oppmerksomhet.";
                case SV -> "Fakturorna som inte kom fram finns i listan över dokument som behöver åtgärdas.";
                default -> "The invoices that were not delivered are on the list of documents that need attention.";
            }).append("\n");
        }
        return new Text(subject, body.toString());
    }

    private static String problems(DailySummary summary, String notDelivered, String stillSending) {
        int failed = summary.failed() + summary.bounced();
        return (failed > 0 ? ", " + failed + notDelivered : "") + (summary.pending() > 0 ? ", " + summary.pending()
                + stillSending : "");
    }

    private static void section(StringBuilder body, DailySummary summary, String status, int count, Formats formats,
                                String heading) {
        if (count == 0) {
            return;
        }
        body.append("\n").append(heading).append(" (").append(count).append("):\n");
        List<SummaryLine> lines = summary.lines().stream().filter(l -> l.status().equals(status)).toList();
        for (SummaryLine line : lines) {
            body.append("  ").append(line.number() == null ? "-" : line.number())
                    .append("  ").append(line.customerName() == null ? "" : line.customerName())
                    .append("  ").append(formats.amount(line.grossAmount())).append(' ')
                    .append(line.currency() == null ? "" : line.currency());
            if (!line.recipients().isEmpty()) {
                body.append("  ").append(String.join(", ", line.recipients()));
            }
            if (line.detail() != null) {
                body.append("  [").append(line.detail()).append(']');
            }
            body.append("\n");
        }
    }
}
