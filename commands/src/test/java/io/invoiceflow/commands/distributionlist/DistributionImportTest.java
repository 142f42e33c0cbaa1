package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.commands.distributionlist.DistributionImport.Mode;
import io.invoiceflow.commands.distributionlist.DistributionImport.Outcome;
import io.invoiceflow.commands.distributionlist.DistributionImport.Plan;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.shared.CustomerNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What an import would do, row by row, against the list as it is (P3). */
class DistributionImportTest {
    private static final Map<CustomerNumber, String> CURRENT = new LinkedHashMap<>();

    static {
        CURRENT.put(new CustomerNumber("10001"), "kari@bryggen.example");
        CURRENT.put(new CustomerNumber("10002"), "ola@fisk.example");
        CURRENT.put(new CustomerNumber("10003"), "post@tre.example");
    }

    private static Plan plan(String file, Mode mode) {
        return DistributionImport.plan(DistributionCsv.read(file.getBytes(StandardCharsets.UTF_8)), CURRENT, mode);
    }

    private static List<String> outcomes(Plan plan) {
        return plan.rows().stream().map(r -> r.line() + " " + r.outcome()
                + r.problems().stream().map(p -> " " + p.field() + ":" + p.rule()).reduce("", String::concat)).toList();
    }

    @Test
    void shouldSayAddedChangedOrUnchanged_whenRowsAreValid() {
        // given / when
        Plan plan = plan("customer_number,email\n10001,kari@bryggen.example\n10002,faktura@fisk.example\n20001,ny@kunde.example\n",
                Mode.MERGE);

        // then
        assertThat(outcomes(plan)).containsExactly("2 UNCHANGED", "3 CHANGED", "4 ADDED");
        assertThat(plan.removals()).isEmpty();
    }

    @Test
    void shouldRejectEachBadRowWithItsReasons_whenValuesBreakTheRules() {
        // given / when
        Plan plan = plan("""
                customer_number;email
                K 1;a@b.example
                ;c@d.example
                20001;
                20002;not-an-address
                10 4;nope
                20003
                """, Mode.MERGE);

        // then
        assertThat(outcomes(plan)).containsExactly(
                "2 REJECTED customer_number:format",
                "3 REJECTED customer_number:required",
                "4 REJECTED email:required",
                "5 REJECTED email:email",
                "6 REJECTED customer_number:format email:email",
                "7 REJECTED row:columns");
    }

    @Test
    void shouldRejectEveryRowOfTheNumber_whenOneCustomerNumberHasTwoAddresses() {
        // given / when
        Plan plan = plan("customer_number,email\n20001,a@b.example\n20002,x@y.example\n20001,c@d.example\n", Mode.MERGE);

        // then
        assertThat(outcomes(plan)).containsExactly("2 REJECTED customer_number:duplicate", "3 ADDED",
                "4 REJECTED customer_number:duplicate");
        assertThat(plan.rows().get(0).problems().get(0).message()).contains("lines 2, 4");
    }

    @Test
    void shouldSetTheNumberOnce_whenItIsRepeatedWithTheSameAddress() {
        // given / when
        Plan plan = plan("customer_number,email\n20001,a@b.example\n20001,a@b.example\n", Mode.MERGE);

        // then
        assertThat(outcomes(plan)).containsExactly("2 ADDED", "3 UNCHANGED");
    }

    @Test
    void shouldRemoveTheEntriesMissingFromTheFile_whenTheFileReplacesTheList() {
        // given 10002 is in the file only on a rejected row: its entry stays
        String file = "customer_number,email\n10001,kari@bryggen.example\n10002,broken\n";

        // when
        Plan replace = plan(file, Mode.REPLACE);
        Plan merge = plan(file, Mode.MERGE);

        // then
        assertThat(replace.removals()).containsExactly(new CustomerNumber("10003"));
        assertThat(merge.removals()).isEmpty();
        assertThat(outcomes(replace)).containsExactly("2 UNCHANGED", "3 REJECTED email:email");
    }

    @Test
    void shouldRefuseTheWholeFile_whenItWouldMakeMoreChangesThanOneImportMakes() {
        // given one change too many: new rows plus a removal
        StringBuilder file = new StringBuilder("customer_number,email\n10001,kari@bryggen.example\n10002,ola@fisk.example\n");
        for (int i = 0; i < DistributionImport.MAX_CHANGES; i++) {
            file.append("N").append(i).append(",n").append(i).append("@liste.example\n");
        }

        // when
        Plan merge = plan(file.toString(), Mode.MERGE);
        DomainException refused = catchThrowableOfType(DomainException.class, () -> plan(file.toString(), Mode.REPLACE));

        // then: rows that change nothing do not count
        assertThat(merge.rows()).hasSize(DistributionImport.MAX_CHANGES + 2);
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.rule()).isEqualTo("max-changes");
            assertThat(v.message()).contains(String.valueOf(DistributionImport.MAX_CHANGES + 1));
        });
    }

    @Test
    void shouldPlanTheSameTwice_whenTheListIsUnchanged() {
        // given
        String file = "customer_number,email\n20001,a@b.example\n10002,faktura@fisk.example\n";

        // when
        Plan first = plan(file, Mode.REPLACE);
        Plan second = plan(file, Mode.REPLACE);

        // then
        assertThat(second).isEqualTo(first);
    }
}
