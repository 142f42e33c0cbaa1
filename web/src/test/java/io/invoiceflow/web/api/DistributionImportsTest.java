package io.invoiceflow.web.api;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.distributionlist.RemoveDistributionEntry;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.web.api.DistributionList.ImportPlan;
import io.invoiceflow.web.api.DistributionList.Outcome;
import io.invoiceflow.web.api.DistributionList.PlannedRow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Running an import plan: one command per added or changed row, none when validating only. */
class DistributionImportsTest {
    private static final TenantId TENANT = TenantId.random();
    private static final FieldViolation BAD_EMAIL = new FieldViolation("email", "email", "email must be an email address");

    private static final ImportPlan PLAN = new ImportPlan(List.of(
            new PlannedRow(2, "10001", "kari@bryggen.example", Outcome.ADDED, List.of()),
            new PlannedRow(3, "10002", "ola@fisk.example", Outcome.CHANGED, List.of()),
            new PlannedRow(4, "10003", "post@tre.example", Outcome.UNCHANGED, List.of()),
            new PlannedRow(5, "10 4", "nope", Outcome.REJECTED, List.of(BAD_EMAIL))),
            List.of("90001", "90002"));

    /** A write side that answers each command with {@code answer} and remembers it. */
    private static final class RecordingSender implements DistributionImports.Sender {
        final List<Object> sent = new ArrayList<>();
        final Function<Object, Object> answer;

        RecordingSender(Function<Object, Object> answer) {
            this.answer = answer;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R send(Object command) {
            sent.add(command);
            return (R) answer.apply(command);
        }
    }

    private static Object setsAsPlanned(Object command) {
        if (command instanceof SetDistributionEntry set) {
            return set.customerNumber().value().equals("10001") ? SetDistributionEntry.Outcome.ADDED
                    : SetDistributionEntry.Outcome.CHANGED;
        }
        return null;
    }

    @Test
    void shouldSendNothingAndReportThePlan_whenValidatingOnly() {
        // given
        RecordingSender sender = new RecordingSender(DistributionImportsTest::setsAsPlanned);

        // when
        DistributionImports.Result result = DistributionImports.run(TENANT, PLAN, true, true, sender);

        // then
        assertThat(sender.sent).isEmpty();
        assertThat(result.written()).isEmpty();
        DistributionImports.Report report = result.report();
        assertThat(report.validateOnly()).isTrue();
        assertThat(report.mode()).isEqualTo("replace");
        assertThat(List.of(report.rows(), report.added(), report.changed(), report.unchanged(), report.rejected(),
                report.removed())).containsExactly(4, 1, 1, 1, 1, 2);
        assertThat(report.rejections()).containsExactly(new DistributionImports.Rejection(5, "10 4", "nope", List.of(BAD_EMAIL)));
        assertThat(report.removedCustomerNumbers()).containsExactly("90001", "90002");
    }

    @Test
    void shouldSendOneCommandPerWritingRowAndRemoval_whenImporting() {
        // given
        RecordingSender sender = new RecordingSender(DistributionImportsTest::setsAsPlanned);

        // when
        DistributionImports.Result result = DistributionImports.run(TENANT, PLAN, true, false, sender);

        // then
        assertThat(sender.sent).extracting(c -> c.getClass().getSimpleName() + " "
                        + (c instanceof SetDistributionEntry s ? s.customerNumber() + " " + s.email()
                        : ((RemoveDistributionEntry) c).customerNumber().value()))
                .containsExactly("SetDistributionEntry 10001 kari@bryggen.example", "SetDistributionEntry 10002 ola@fisk.example",
                        "RemoveDistributionEntry 90001", "RemoveDistributionEntry 90002");
        assertThat(result.written()).containsExactly(TENANT + "/distribution/10001", TENANT + "/distribution/10002",
                TENANT + "/distribution/90001", TENANT + "/distribution/90002");
        assertThat(result.report().validateOnly()).isFalse();
        assertThat(result.report().removed()).isEqualTo(2);
    }

    @Test
    void shouldCountWhatTheWriteSideDid_whenTheListChangedSincePlanning() {
        // given: 10001 was added meanwhile with the same address, 10002 refused, 90001 removed by someone else
        RecordingSender sender = new RecordingSender(command -> {
            if (command instanceof SetDistributionEntry set && set.customerNumber().value().equals("10002")) {
                throw DomainException.invalid("email", "email", "email must be an email address");
            }
            if (command instanceof RemoveDistributionEntry remove && remove.customerNumber().value().equals("90001")) {
                throw DomainException.notFound("the resource");
            }
            return command instanceof SetDistributionEntry ? SetDistributionEntry.Outcome.UNCHANGED : null;
        });

        // when
        DistributionImports.Result result = DistributionImports.run(TENANT, PLAN, true, false, sender);

        // then
        DistributionImports.Report report = result.report();
        assertThat(List.of(report.added(), report.changed(), report.unchanged(), report.rejected(), report.removed()))
                .containsExactly(0, 0, 2, 2, 1);
        assertThat(report.rejections()).extracting(DistributionImports.Rejection::line).containsExactly(3, 5);
        assertThat(report.rejections().get(0).problems()).extracting(FieldViolation::rule).containsExactly("email");
        assertThat(report.removedCustomerNumbers()).containsExactly("90002");
        assertThat(result.written()).containsExactly(TENANT + "/distribution/90002");
    }
}
