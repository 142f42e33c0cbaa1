package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.shared.CustomerNumber;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans an import of a distribution list file (P3) against the list as it is, changing nothing: what each
 * row would do and, when the file replaces the list, which entries would go. The same plan serves a
 * validate-only run (it is the answer) and a real import (its added and changed rows become commands), so
 * the two cannot disagree. The rules (ADR 0180):
 * <ul>
 *   <li>Rows are independent: the valid ones are applied and each rejected row is reported with its line
 *       and reasons; a rejected row changes nothing.</li>
 *   <li>A row is rejected for a missing or malformed customer number (the customers' rule), a missing or
 *       malformed email address (the customers' rule), a missing or extra column, broken quoting, or a
 *       customer number that other rows give a different address (every such row is rejected: the file
 *       does not say which address is meant). A number repeated with the same address is set once; the
 *       repetitions count as unchanged.</li>
 *   <li>{@link Mode#MERGE} adds and changes entries; {@link Mode#REPLACE} also removes every entry whose
 *       customer number appears on no row of the file (a rejected row with a well-formed number keeps its
 *       entry).</li>
 *   <li>A file that would make more than {@link #MAX_CHANGES} changes is refused as a whole (INVALID_INPUT
 *       on {@code $}, rule {@code max-changes}), validate-only too.</li>
 * </ul>
 */
public final class DistributionImport {
    /**
     * The most entries one import adds, changes and removes together. Each is a command (3-4 ms of CPU in
     * the whole app on the benchmark machine, docs/benchmarks/distribution-list.md), so this keeps an
     * import request under a minute; a file that would change more is refused as a whole, with the count.
     */
    public static final int MAX_CHANGES = 10_000;

    private DistributionImport() {
    }

    /** Whether the file is added to the list or replaces it. */
    public enum Mode { MERGE, REPLACE }

    /** What a row does. */
    public enum Outcome { ADDED, CHANGED, UNCHANGED, REJECTED }

    /** One row of the file and what it does; {@code problems} is empty unless it is rejected. */
    public record PlannedRow(int line, String customerNumber, String email, Outcome outcome,
                             List<FieldViolation> problems) {
        public PlannedRow {
            problems = List.copyOf(problems);
        }
    }

    /** Every data row in file order, and the entries a replacing import removes (by customer number). */
    public record Plan(List<PlannedRow> rows, List<CustomerNumber> removals) {
        public Plan {
            rows = List.copyOf(rows);
            removals = List.copyOf(removals);
        }
    }

    /**
     * @param rows    the file's rows ({@link DistributionCsv#read})
     * @param current the list as it is: customer number to address
     */
    public static Plan plan(List<DistributionCsv.Row> rows, Map<CustomerNumber, String> current, Mode mode) {
        List<List<FieldViolation>> problems = checked(rows);
        Set<CustomerNumber> mentioned = new HashSet<>();
        Map<CustomerNumber, List<Integer>> valid = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CustomerNumber number = number(rows.get(i).customerNumber());
            if (number != null) {
                mentioned.add(number);
                if (problems.get(i).isEmpty()) {
                    valid.computeIfAbsent(number, n -> new ArrayList<>()).add(i);
                }
            }
        }
        Outcome[] outcomes = new Outcome[rows.size()];
        valid.forEach((number, indexes) -> {
            Set<String> addresses = indexes.stream().map(i -> rows.get(i).email())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (addresses.size() > 1) {
                String lines = indexes.stream().map(i -> String.valueOf(rows.get(i).line()))
                        .collect(Collectors.joining(", "));
                indexes.forEach(i -> problems.get(i).add(new FieldViolation(DistributionCsv.CUSTOMER_NUMBER, "duplicate",
                        "customer number " + number + " is on lines " + lines + " with different addresses;"
                                + " one address per customer number")));
                return;
            }
            String address = addresses.iterator().next();
            String before = current.get(number);
            outcomes[indexes.get(0)] = before == null ? Outcome.ADDED
                    : before.equals(address) ? Outcome.UNCHANGED : Outcome.CHANGED;
            indexes.subList(1, indexes.size()).forEach(i -> outcomes[i] = Outcome.UNCHANGED);
        });
        List<PlannedRow> planned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DistributionCsv.Row row = rows.get(i);
            planned.add(new PlannedRow(row.line(), row.customerNumber(), row.email(),
                    problems.get(i).isEmpty() ? Objects.requireNonNull(outcomes[i]) : Outcome.REJECTED, problems.get(i)));
        }
        List<CustomerNumber> removals = mode == Mode.MERGE ? List.of() : current.keySet().stream()
                .filter(number -> !mentioned.contains(number))
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .toList();
        long changes = removals.size() + planned.stream()
                .filter(r -> r.outcome() == Outcome.ADDED || r.outcome() == Outcome.CHANGED).count();
        if (changes > MAX_CHANGES) {
            throw DomainException.invalid("$", "max-changes", "the file would add, change or remove " + changes
                    + " entries; one import makes at most " + MAX_CHANGES + " changes: split the new and changed"
                    + " rows into several files (rows that change nothing do not count)");
        }
        return new Plan(planned, removals);
    }

    /** Each row's own problems: how it was read, its customer number and its address. */
    private static List<List<FieldViolation>> checked(List<DistributionCsv.Row> rows) {
        List<List<FieldViolation>> problems = new ArrayList<>(rows.size());
        for (DistributionCsv.Row row : rows) {
            List<FieldViolation> found = new ArrayList<>(row.problems());
            if (row.customerNumber() != null && row.email() != null) {
                Violations v = new Violations();
                if (row.customerNumber().isEmpty()) {
                    v.add(DistributionCsv.CUSTOMER_NUMBER, "required", "customer_number is empty");
                } else if (number(row.customerNumber()) == null) {
                    v.add(DistributionCsv.CUSTOMER_NUMBER, "format",
                            "customer_number must be 1-32 letters, digits, '.', '_' or '-'");
                }
                DistributionEntry.checkEmail(v, DistributionCsv.EMAIL, row.email().isEmpty() ? null : row.email());
                found.addAll(v.found());
            }
            problems.add(found);
        }
        return problems;
    }

    private static CustomerNumber number(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new CustomerNumber(value);
        } catch (DomainException e) {
            return null;
        }
    }
}
