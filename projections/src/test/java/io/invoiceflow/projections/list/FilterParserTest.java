package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The filter language's syntax, precedence and type checks, read through the parsed expression's normal form. */
class FilterParserTest {

    private static String canonical(String expression) {
        return FilterParser.parse(expression).canonical();
    }

    private static FieldViolation refusal(String expression) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> FilterParser.parse(expression));
        assertThat(e).as("refused: %s", expression).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).hasSize(1);
        assertThat(e.getMessage()).isEqualTo(e.violations().get(0).message());
        return e.violations().get(0);
    }

    // ---- operators

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "grossAmount eq 1000     | grossAmount eq 1000",
            "grossAmount = 1000      | grossAmount eq 1000",
            "grossAmount ne 1000     | grossAmount ne 1000",
            "grossAmount != 1000     | grossAmount ne 1000",
            "grossAmount lt 1000     | grossAmount lt 1000",
            "grossAmount < 1000      | grossAmount lt 1000",
            "grossAmount le 1000     | grossAmount le 1000",
            "grossAmount <= 1000     | grossAmount le 1000",
            "grossAmount gt 1000     | grossAmount gt 1000",
            "grossAmount > 1000      | grossAmount gt 1000",
            "grossAmount ge 1000     | grossAmount ge 1000",
            "grossAmount >= 1000     | grossAmount ge 1000",
            "grossAmount>=1000       | grossAmount ge 1000",
            "grossAmount in (1000, 2500.50) | grossAmount in (1000, 2500.5)",
            "customerName contains bak      | customerName contains \"bak\"",
            "customerName startswith 'Bak'  | customerName startswith \"Bak\"",
            "poNumber is null               | poNumber is null",
            "poNumber is not null           | poNumber is not null",
            "q contains \"bakeri\"          | q contains \"bakeri\"",
    })
    void shouldParseOperator_whenWrittenAsWordOrSymbol(String expression, String expected) {
        // given an expression with one operator

        // when
        String parsed = canonical(expression);

        // then
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void shouldReadKeywordsFieldsAndEnumsInAnyCase_whenWrittenInCapitals() {
        // given
        String expression = "STATUS EQ paid AND Overdue OR NOT origin Eq order";

        // when
        String parsed = canonical(expression);

        // then
        assertThat(parsed).isEqualTo("((status eq \"PAID\" and overdue eq true) or not origin eq \"ORDER\")");
    }

    // ---- precedence

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "overdue or status eq PAID and grossAmount gt 5 | (overdue eq true or (status eq \"PAID\" and grossAmount gt 5))",
            "overdue and status eq PAID or grossAmount gt 5 | ((overdue eq true and status eq \"PAID\") or grossAmount gt 5)",
            "(overdue or status eq PAID) and grossAmount gt 5 | ((overdue eq true or status eq \"PAID\") and grossAmount gt 5)",
            "not overdue and status eq PAID | (not overdue eq true and status eq \"PAID\")",
            "not (overdue and status eq PAID) | not (overdue eq true and status eq \"PAID\")",
            "not not overdue | not not overdue eq true",
            "overdue or status eq PAID or status eq VOID | (overdue eq true or status eq \"PAID\" or status eq \"VOID\")",
            "((overdue)) | overdue eq true",
    })
    void shouldBindNotTighterThanAndTighterThanOr_whenParenthesesDoNotSayOtherwise(String expression,
                                                                                  String expected) {
        // given an expression mixing not, and, or and parentheses

        // when
        String parsed = canonical(expression);

        // then
        assertThat(parsed).isEqualTo(expected);
    }

    // ---- values

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "customerName eq 'O''Brien'             | customerName eq \"O'Brien\"",
            "customerName eq 'O\\'Brien'            | customerName eq \"O'Brien\"",
            "customerName eq \"say \\\"hi\\\"\"     | customerName eq \"say \\\"hi\\\"\"",
            "customerName eq \"say \"\"hi\"\"\"     | customerName eq \"say \\\"hi\\\"\"",
            "customerName eq 'back\\\\slash'        | customerName eq \"back\\\\slash\"",
            "customerName eq 'Bakeri (Sør), AS'     | customerName eq \"Bakeri (Sør), AS\"",
            "customerName eq ''                     | customerName eq \"\"",
            "currency eq NOK                        | currency eq \"NOK\"",
            "customerNumber eq 10042                | customerNumber eq \"10042\"",
            "number eq INV-1001                     | number eq \"INV-1001\"",
            "grossAmount eq 1000.00                 | grossAmount eq 1000",
            "grossAmount gt -12.50                  | grossAmount gt -12.5",
            "numberSequence ge 1001                 | numberSequence ge 1001",
            "dueDate lt 2026-03-01                  | dueDate lt 2026-03-01",
            "dueDate lt today                       | dueDate lt today",
            "dueDate lt today-30                    | dueDate lt today-30",
            "dueDate le TODAY+7                     | dueDate le today+7",
            "dueDate ge today-0                     | dueDate ge today",
            "createdAt ge 2026-03-01T00:00:00Z      | createdAt ge 2026-03-01T00:00:00Z",
            "createdAt ge 2026-03-01T00:00:00+01:00 | createdAt ge 2026-02-28T23:00:00Z",
            "createdAt lt 2026-03-01T10:15:30.5Z    | createdAt lt 2026-03-01T10:15:30.500Z",
            "overdue eq FALSE                       | overdue eq false",
            "overdue ne true                        | overdue ne true",
            "status eq 'paid'                       | status eq \"PAID\"",
            "origin in (scratch, Clone)             | origin in (\"SCRATCH\", \"CLONE\")",
    })
    void shouldReadValueOfFieldsType_whenValueIsWrittenAsDocumented(String expression, String expected) {
        // given an expression with a value of the field's type

        // when
        String parsed = canonical(expression);

        // then
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void shouldParseTheExampleOfTheIssue_whenAllFeaturesAreCombined() {
        // given
        String expression = "status in (FINALIZED, PAID) and (grossAmount ge 1000 or q contains \"bakeri\")"
                + " and dueDate lt today";

        // when
        String parsed = canonical(expression);

        // then
        assertThat(parsed).isEqualTo("(status in (\"FINALIZED\", \"PAID\") and (grossAmount ge 1000"
                + " or q contains \"bakeri\") and dueDate lt today)");
    }

    @Test
    void shouldMatchEverything_whenExpressionIsAbsentOrBlank() {
        // given no expression, an empty one and a blank one

        // when / then
        assertThat(FilterParser.parse(null)).isEqualTo(Filter.ALL);
        assertThat(FilterParser.parse("")).isEqualTo(Filter.ALL);
        assertThat(FilterParser.parse(" \t ")).isEqualTo(Filter.ALL);
    }

    @Test
    void shouldAcceptExpression_whenAtTheLengthAndDepthLimits() {
        // given 32 levels of parentheses, and a filter of exactly 2,000 characters
        String deep = "(".repeat(32) + "overdue" + ")".repeat(32);
        String longest = "customerName eq \"" + "x".repeat(2000 - 18) + "\"";

        // when / then
        assertThat(canonical(deep)).isEqualTo("overdue eq true");
        assertThat(longest).hasSize(2000);
        assertThat(canonical(longest)).startsWith("customerName eq \"xxx");
    }

    // ---- errors: each names its position (1-based) and the problem

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "status eq | syntax | at 10: expected a value after 'eq', found end of input",
            "grossAmount >= | syntax | at 15: expected a value after '>=', found end of input",
            "stauts eq PAID | unknown-field | at 1: unknown field 'stauts'; did you mean 'status'?",
            "dueDate lt 1000 | type | at 12: dueDate is a date: expected a date such as 2026-03-01, today, today-30 or today+7, found '1000'",
            "dueDate lt \"2026-01-01\" | type | at 12: dueDate is a date: expected a date such as 2026-03-01, today, today-30 or today+7, found a quoted text \"2026-01-01\"",
            "dueDate eq 2026-02-30 | type | at 12: '2026-02-30' is not a valid date",
            "dueDate lt today- | type | at 12: dueDate is a date: expected a date such as 2026-03-01, today, today-30 or today+7, found 'today-'",
            "dueDate lt 2026-03-01T00:00:00Z | type | at 12: dueDate is a date: expected a date such as 2026-03-01, today, today-30 or today+7, found '2026-03-01T00:00:00Z'",
            "createdAt ge 2026-03-01 | type | at 14: createdAt is an instant: expected an instant such as 2026-03-01T00:00:00Z or 2026-03-01T00:00:00+01:00, found '2026-03-01'",
            "createdAt ge 2026-03-01T25:00Z | type | at 14: '2026-03-01T25:00Z' is not a valid instant; an instant such as 2026-03-01T00:00:00Z or 2026-03-01T00:00:00+01:00",
            "grossAmount ge \"1000\" | type | at 16: grossAmount is a number: expected a number such as 1000 or -12.50, found a quoted text \"1000\"",
            "grossAmount ge 1e3 | type | at 16: grossAmount is a number: expected a number such as 1000 or -12.50, found '1e3'",
            "grossAmount ge 1,5 | syntax | at 17: expected 'and', 'or' or end of input, found ','",
            "numberSequence eq 10.5 | type | at 19: numberSequence is a whole number: expected a whole number such as 1001, found '10.5'",
            "overdue eq maybe | type | at 12: overdue is a boolean: expected true or false, found 'maybe'",
            "status lt PAID | operator | at 8: 'lt' does not apply to status, which is an enum; it takes eq (=), ne (!=), in, is null, is not null",
            "number ge INV-1000 | operator | at 8: 'ge' does not apply to number, which is text; it takes eq (=), ne (!=), in, contains, startswith, is null, is not null; to compare numbers use numberSequence",
            "q eq bakeri | operator | at 3: 'eq' does not apply to q, which is free text; it takes contains",
            "overdue is null | operator | at 9: 'is' does not apply to overdue, which is a boolean; it takes eq (=), ne (!=)",
            "status eq FINALISED | unknown-value | at 11: 'FINALISED' is not a status; use one of DRAFT, FINALIZED, PAID, VOID, CREDITED",
            "(status eq PAID | syntax | at 16: expected ')' to close the '(' at 1, found end of input",
            "(status eq PAID DRAFT) | syntax | at 17: expected 'and', 'or' or ')' to close the '(' at 1, found 'DRAFT'",
            "status eq PAID) | syntax | at 15: found ')' without a matching '('",
            "status eq PAID DRAFT | syntax | at 16: expected 'and', 'or' or end of input, found 'DRAFT'",
            "customerName eq 'abc | syntax | at 17: the string starting here is not closed with '",
            "customerName eq \"a\\nb\" | syntax | at 19: unknown escape in a string: a backslash escapes only \\, ' and \"",
            "status ! PAID | syntax | at 8: unexpected '!' (not equal is '!=' or 'ne')",
            "status in PAID | syntax | at 11: expected '(' after 'in', found 'PAID'",
            "status in (PAID DRAFT) | syntax | at 17: expected ',' or ')' in the list of 'in' at 8, found 'DRAFT'",
            "status in () | syntax | at 12: expected a value after '(', found ')'",
            "status in (PAID, ) | syntax | at 18: expected a value after ',', found ')'",
            "poNumber is empty | syntax | at 13: expected 'null' after 'is', found 'empty'",
            "poNumber is not | syntax | at 16: expected 'null' after 'is not', found end of input",
            "poNumber eq null | syntax | at 13: null is not a value: write 'poNumber is null' or 'poNumber is not null'",
            "customerName eq and | syntax | at 17: expected a value after 'eq', found 'and'",
            "status not in (PAID) | syntax | at 8: expected an operator after 'status', found 'not' (negate the whole condition: not status ...)",
            "status PAID | syntax | at 8: expected an operator after 'status' (eq (=), ne (!=), in, is null, is not null), found 'PAID'",
            "overdue true | syntax | at 9: expected an operator after 'overdue' (eq (=), ne (!=)), found 'true'",
            "and status eq PAID | syntax | at 1: expected a field name, found 'and'",
            "status eq PAID and | syntax | at 19: expected a field name, found end of input",
            "status eq PAID or or overdue | syntax | at 19: expected a field name, found 'or'",
            "'status' eq PAID | syntax | at 1: expected a field name, found 'status'",
            "() | syntax | at 2: expected a field name, found ')'",
            "not | syntax | at 4: expected a field name, found end of input",
    })
    void shouldRefuseWithPositionAndProblem_whenExpressionIsInvalid(String expression, String rule, String message) {
        // given an invalid expression

        // when
        FieldViolation violation = refusal(expression);

        // then
        assertThat(violation).isEqualTo(new FieldViolation("filter", rule, message));
    }

    @Test
    void shouldListTheFields_whenUnknownFieldIsNothingLikeAKnownOne() {
        // given
        String expression = "foo eq 1";

        // when
        FieldViolation violation = refusal(expression);

        // then
        assertThat(violation.rule()).isEqualTo("unknown-field");
        assertThat(violation.message()).startsWith("at 1: unknown field 'foo'; fields are invoiceId, number, ")
                .contains("customerName", "dueDate", "grossAmount", "overdue", "q");
    }

    @Test
    void shouldRefuseWithLengthLimit_whenExpressionIsLongerThan2000Characters() {
        // given
        String expression = "customerName eq \"" + "x".repeat(2000) + "\"";

        // when
        FieldViolation violation = refusal(expression);

        // then
        assertThat(violation).isEqualTo(new FieldViolation("filter", "max-length",
                "at 2001: the filter is longer than 2000 characters (2018)"));
    }

    @Test
    void shouldRefuseAtTheOffendingParenthesis_whenNestedDeeperThan32Levels() {
        // given 33 parentheses around one condition
        String expression = "(".repeat(33) + "overdue" + ")".repeat(33);

        // when
        FieldViolation violation = refusal(expression);

        // then
        assertThat(violation).isEqualTo(new FieldViolation("filter", "max-depth",
                "at 33: the filter nests deeper than 32 levels of parentheses and 'not'"));
    }

    @Test
    void shouldCountNotAsALevel_whenNegationsNestDeeperThan32Levels() {
        // given 33 nots, the last at position 4 * 32 + 1
        String expression = "not ".repeat(33) + "overdue";

        // when
        FieldViolation violation = refusal(expression);

        // then
        assertThat(violation.rule()).isEqualTo("max-depth");
        assertThat(violation.message()).startsWith("at 129: ");
    }
}
