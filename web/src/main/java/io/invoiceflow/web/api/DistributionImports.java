package io.invoiceflow.web.api;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.distributionlist.DistributionListCommand;
import io.invoiceflow.events.distributionlist.RemoveDistributionEntry;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs an import plan (P3): one command per added or changed row and, when the file replaces the list,
 * one per entry to remove, each sent with the importing request's caller and request id. Rows are
 * independent: a row the write side refuses is reported as rejected and the others go on. A
 * validate-only run sends nothing and answers the plan, so it shows what the import would do.
 */
public final class DistributionImports {
    private DistributionImports() {
    }

    /** Sends one command and answers its result. */
    @FunctionalInterface
    public interface Sender {
        <R> R send(Object command);
    }

    /**
     * The answer to an import: the counts ({@code rows} = added + changed + unchanged + rejected), each
     * rejected row with its line and reasons, and the customer numbers whose entries were (or, validating
     * only, would be) removed.
     */
    public record Report(boolean validateOnly, String mode, int rows, int added, int changed, int unchanged,
                         int rejected, int removed, List<Rejection> rejections, List<String> removedCustomerNumbers) {
    }

    /** A rejected row: its line in the file (the header is line 1), its values as read, and why. */
    public record Rejection(int line, String customerNumber, String email, List<FieldViolation> problems) {
    }

    /** The report, and the aggregate ids of the entries the import wrote. */
    public record Result(Report report, List<String> written) {
    }

    public static Result run(TenantId tenant, DistributionList.ImportPlan plan, boolean replace, boolean validateOnly,
                             Sender sender) {
        List<DistributionList.PlannedRow> done = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (DistributionList.PlannedRow row : plan.rows()) {
            boolean writes = row.outcome() == DistributionList.Outcome.ADDED
                    || row.outcome() == DistributionList.Outcome.CHANGED;
            if (validateOnly || !writes) {
                done.add(row);
                continue;
            }
            CustomerNumber number = new CustomerNumber(row.customerNumber());
            try {
                SetDistributionEntry.Outcome outcome = sender.send(
                        new SetDistributionEntry(tenant, number, row.email(), null));
                done.add(new DistributionList.PlannedRow(row.line(), row.customerNumber(), row.email(),
                        DistributionList.Outcome.valueOf(outcome.name()), List.of()));
                if (outcome != SetDistributionEntry.Outcome.UNCHANGED) {
                    written.add(DistributionListCommand.aggregateId(tenant, number));
                }
            } catch (DomainException refused) {
                done.add(new DistributionList.PlannedRow(row.line(), row.customerNumber(), row.email(),
                        DistributionList.Outcome.REJECTED, problems(refused)));
            }
        }
        List<String> removed = new ArrayList<>();
        for (String value : plan.removals()) {
            CustomerNumber number = new CustomerNumber(value);
            if (!validateOnly) {
                try {
                    sender.send(new RemoveDistributionEntry(tenant, number, null));
                    written.add(DistributionListCommand.aggregateId(tenant, number));
                } catch (DomainException e) {
                    if (e.code() != ErrorCode.NOT_FOUND) {
                        throw e;
                    }
                    continue; // removed by someone else meanwhile
                }
            }
            removed.add(value);
        }
        return new Result(report(done, removed, replace, validateOnly), written);
    }

    private static Report report(List<DistributionList.PlannedRow> rows, List<String> removed, boolean replace,
                                 boolean validateOnly) {
        int[] counts = new int[DistributionList.Outcome.values().length];
        List<Rejection> rejections = new ArrayList<>();
        for (DistributionList.PlannedRow row : rows) {
            counts[row.outcome().ordinal()]++;
            if (row.outcome() == DistributionList.Outcome.REJECTED) {
                rejections.add(new Rejection(row.line(), row.customerNumber(), row.email(), row.problems()));
            }
        }
        return new Report(validateOnly, replace ? "replace" : "merge", rows.size(),
                counts[DistributionList.Outcome.ADDED.ordinal()], counts[DistributionList.Outcome.CHANGED.ordinal()],
                counts[DistributionList.Outcome.UNCHANGED.ordinal()], counts[DistributionList.Outcome.REJECTED.ordinal()],
                removed.size(), rejections, removed);
    }

    /** A refusal as the reasons of a row: its violations, or its code and message. */
    private static List<FieldViolation> problems(DomainException refused) {
        if (!refused.violations().isEmpty()) {
            return refused.violations();
        }
        return List.of(new FieldViolation("row", refused.code().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), refused.getMessage()));
    }
}
