package io.invoiceflow.streams.distribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryEmailTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void shouldListFailuresFirstWithTheirReason_inTheTenantsLanguage() {
        // given
        DailySummary summary = new DailySummary(DAY, 1, 1, 1, 0, 0, List.of(
                line("INV-1002", SummaryLine.FAILED, List.of(), "NO_RECIPIENT: no address"),
                line("INV-1001", SummaryLine.SENT, List.of("kari@kunde.no"), null)));

        // when
        SummaryEmail.Text nb = SummaryEmail.compose(summary, "Fjordlys Konsult AS", "nb");
        SummaryEmail.Text en = SummaryEmail.compose(summary, "Fjordlys Konsult AS", "en");

        // then
        assertThat(nb.subject()).isEqualTo("Fakturaer sendt automatisk 01.12.2026: 1 sendt, 1 ikke levert");
        assertThat(nb.body()).contains("Ikke sendt (1):\n  INV-1002  Bryggen Bakeri AS  1\u00a0250,00 NOK  [NO_RECIPIENT: no address]")
                .contains("Sendt (1):\n  INV-1001  Bryggen Bakeri AS  1\u00a0250,00 NOK  kari@kunde.no");
        assertThat(nb.body().indexOf("Ikke sendt")).isLessThan(nb.body().indexOf("Sendt (1)"));
        assertThat(en.subject()).isEqualTo("Invoices sent automatically on 1 Dec 2026: 1 sent, 1 not delivered");
        assertThat(en.body()).contains("need attention");
    }

    @Test
    void shouldSayHowManyMoreThereAre_whenTheListIsCut() {
        // given 1,200 sent, of which the summary carries 1,000
        List<SummaryLine> lines = new ArrayList<>();
        for (int i = 0; i < DailySummary.MAX_LINES; i++) {
            lines.add(line("INV-" + (10000 + i), SummaryLine.SENT, List.of("a@b.no"), null));
        }
        DailySummary summary = new DailySummary(DAY, 2, 1200, 0, 0, 0, lines);

        // when
        SummaryEmail.Text sv = SummaryEmail.compose(summary, "Fjordlys", "sv");

        // then
        assertThat(sv.subject()).isEqualTo("Fler fakturor skickade automatiskt 2026-12-01: 1200 skickade");
        assertThat(sv.body()).contains("... och 200 till.");
    }

    private static SummaryLine line(String number, String status, List<String> to, String detail) {
        return new SummaryLine("t", DAY, "d-" + number, "i-" + number, number, "Bryggen Bakeri AS",
                new BigDecimal("1250.00"), "NOK", to, status, detail);
    }
}
