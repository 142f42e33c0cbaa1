package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.projections.list.Field.Op;
import io.invoiceflow.projections.list.Field.Type;
import io.invoiceflow.projections.list.Filter.Condition;
import io.invoiceflow.projections.list.Filter.Fixed;
import io.invoiceflow.projections.list.Filter.Junction;
import io.invoiceflow.projections.list.Filter.Literal;
import io.invoiceflow.projections.list.Filter.Not;
import io.invoiceflow.projections.list.Filter.Today;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses and type-checks a filter expression (grammar in {@code docs/queries.md}). Every refusal is a
 * {@link DomainException} on field {@code filter} whose message starts with the 1-based character
 * position of the problem: {@code at 17: expected a value after 'eq', found end of input}.
 */
final class FilterParser {
    static final int MAX_LENGTH = 2000;
    static final int MAX_DEPTH = 32;

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TODAY = Pattern.compile("today(?:([+-])([0-9]{1,5}))?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> RESERVED = Set.of("and", "or", "not");
    private static final String SPECIAL = "(),=!<>'\"";

    private enum Kind { WORD, STRING, SYMBOL, END }

    /** A token; {@code text} is the word, the symbol or the unescaped string; {@code pos} is 1-based. */
    private record Token(Kind kind, String text, int pos, String source) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** How an error message shows it. */
        String describe() {
            if (kind == Kind.END) {
                return "end of input";
            }
            String shown = kind == Kind.STRING ? source : "'" + source + "'";
            return shown.length() > 40 ? shown.substring(0, 37) + "..." : shown;
        }
    }

    private final List<Token> tokens;
    private int next;

    private FilterParser(String src) {
        this.tokens = lex(src);
    }

    /** The filter of an expression; {@link Filter#ALL} when it is absent or blank. */
    static Filter parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Filter.ALL;
        }
        if (expression.length() > MAX_LENGTH) {
            throw error(MAX_LENGTH + 1, "max-length",
                    "the filter is longer than " + MAX_LENGTH + " characters (" + expression.length() + ")");
        }
        FilterParser parser = new FilterParser(expression);
        Filter filter = parser.or(0);
        Token end = parser.peek();
        if (end.kind != Kind.END) {
            String expected = end.isSymbol(")") ? "found ')' without a matching '('"
                    : "expected 'and', 'or' or end of input, found " + end.describe();
            throw error(end.pos, "syntax", expected);
        }
        return filter;
    }

    // ---- grammar: or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | primary

    private Filter or(int depth) {
        List<Filter> parts = new ArrayList<>(List.of(and(depth)));
        while (peek().isWord("or")) {
            next++;
            parts.add(and(depth));
        }
        return parts.size() == 1 ? parts.get(0) : new Junction(false, List.copyOf(parts));
    }

    private Filter and(int depth) {
        List<Filter> parts = new ArrayList<>(List.of(not(depth)));
        while (peek().isWord("and")) {
            next++;
            parts.add(not(depth));
        }
        return parts.size() == 1 ? parts.get(0) : new Junction(true, List.copyOf(parts));
    }

    private Filter not(int depth) {
        Token t = peek();
        if (t.isWord("not")) {
            deeper(t, depth);
            next++;
            return new Not(not(depth + 1));
        }
        return primary(depth);
    }

    /** primary := '(' or ')' | condition */
    private Filter primary(int depth) {
        Token t = peek();
        if (!t.isSymbol("(")) {
            return condition();
        }
        deeper(t, depth);
        next++;
        Filter inner = or(depth + 1);
        Token close = peek();
        if (!close.isSymbol(")")) {
            String expected = close.kind == Kind.END ? "expected ')' to close the '(' at " + t.pos
                    : "expected 'and', 'or' or ')' to close the '(' at " + t.pos;
            throw error(close.pos, "syntax", expected + ", found " + close.describe());
        }
        next++;
        return inner;
    }

    private void deeper(Token t, int depth) {
        if (depth + 1 > MAX_DEPTH) {
            throw error(t.pos, "max-depth", "the filter nests deeper than " + MAX_DEPTH
                    + " levels of parentheses and 'not'");
        }
    }

    /**
     * condition := field compareOp value | field 'in' '(' value (',' value)* ')' | field 'contains' value
     * | field 'startswith' value | field 'is' ['not'] 'null' | booleanField
     */
    private Filter condition() {
        Token name = take();
        if (name.kind != Kind.WORD || RESERVED.contains(name.text.toLowerCase(Locale.ROOT))) {
            throw error(name.pos, "syntax", "expected a field name, found " + name.describe());
        }
        Field field = Field.byName(name.text);
        if (field == null) {
            throw error(name.pos, "unknown-field", "unknown field '" + name.text + "'; " + suggestion(name.text));
        }
        Token opToken = peek();
        if (field.type == Type.BOOLEAN && endsCondition(opToken)) {
            return new Condition(field, Op.EQ, List.of(new Fixed(Boolean.TRUE)));
        }
        next++;
        Op op = operator(opToken, field);
        if (!field.type.ops.contains(op)) {
            String hint = field == Field.NUMBER ? "; to compare numbers use numberSequence" : "";
            throw error(opToken.pos, "operator", "'" + opToken.text.toLowerCase(Locale.ROOT) + "' does not apply to "
                    + field.apiName + ", which is " + field.type.label + "; it takes " + opList(field) + hint);
        }
        return switch (op) {
            case IS_NULL, IS_NOT_NULL -> new Condition(field, op, List.of());
            case IN -> new Condition(field, op, list(field, opToken));
            default -> new Condition(field, op, List.of(value(field, opToken)));
        };
    }

    private static boolean endsCondition(Token t) {
        return t.kind == Kind.END || t.isSymbol(")") || t.isWord("and") || t.isWord("or");
    }

    private Op operator(Token t, Field field) {
        if (t.kind == Kind.SYMBOL) {
            for (Op op : Op.values()) {
                if (t.text.equals(op.symbol)) {
                    return op;
                }
            }
        }
        if (t.kind == Kind.WORD) {
            String word = t.text.toLowerCase(Locale.ROOT);
            if (word.equals("is")) {
                boolean negated = peek().isWord("not");
                if (negated) {
                    next++;
                }
                Token nullWord = take();
                if (!nullWord.isWord("null")) {
                    throw error(nullWord.pos, "syntax", "expected 'null' after '" + (negated ? "is not" : "is")
                            + "', found " + nullWord.describe());
                }
                return negated ? Op.IS_NOT_NULL : Op.IS_NULL;
            }
            for (Op op : Op.values()) {
                if (word.equals(op.word)) {
                    return op;
                }
            }
            if (word.equals("not")) {
                throw error(t.pos, "syntax", "expected an operator after '" + field.apiName + "', found 'not'"
                        + " (negate the whole condition: not " + field.apiName + " ...)");
            }
        }
        throw error(t.pos, "syntax", "expected an operator after '" + field.apiName + "' (" + opList(field)
                + "), found " + t.describe());
    }

    private static String opList(Field field) {
        return field.type.ops.stream().map(op -> op.symbol == null ? op.word : op.word + " (" + op.symbol + ")")
                .collect(Collectors.joining(", "));
    }

    private List<Literal> list(Field field, Token in) {
        Token open = take();
        if (!open.isSymbol("(")) {
            throw error(open.pos, "syntax", "expected '(' after 'in', found " + open.describe());
        }
        List<Literal> values = new ArrayList<>();
        Token after = open;
        while (true) {
            values.add(value(field, after));
            Token t = take();
            if (t.isSymbol(")")) {
                return List.copyOf(values);
            }
            if (!t.isSymbol(",")) {
                throw error(t.pos, "syntax", "expected ',' or ')' in the list of 'in' at " + in.pos
                        + ", found " + t.describe());
            }
            after = t;
        }
    }

    /** A value of {@code field}'s type, after token {@code after}. */
    private Literal value(Field field, Token after) {
        Token t = take();
        boolean reserved = t.kind == Kind.WORD && RESERVED.contains(t.text.toLowerCase(Locale.ROOT));
        if (t.kind == Kind.SYMBOL || t.kind == Kind.END || reserved) {
            throw error(t.pos, "syntax", "expected a value after '" + after.source + "', found " + t.describe());
        }
        if (t.isWord("null")) {
            throw error(t.pos, "syntax", "null is not a value: write '" + field.apiName + " is null' or '"
                    + field.apiName + " is not null'");
        }
        boolean quoted = t.kind == Kind.STRING;
        String s = t.text;
        switch (field.type) {
            case TEXT, IDENTIFIER, SEARCH:
                return new Fixed(s);
            case ENUM:
                for (String v : field.values) {
                    if (v.equalsIgnoreCase(s)) {
                        return new Fixed(v);
                    }
                }
                throw error(t.pos, "unknown-value", t.describe() + " is not a " + field.apiName + "; use one of "
                        + String.join(", ", field.values));
            case DECIMAL:
                if (!quoted && DECIMAL.matcher(s).matches()) {
                    return new Fixed(new BigDecimal(s));
                }
                throw typeError(t, field, "a number such as 1000 or -12.50");
            case INTEGER:
                if (!quoted && INTEGER.matcher(s).matches()) {
                    return new Fixed(Long.valueOf(s));
                }
                throw typeError(t, field, "a whole number such as 1001");
            case DATE:
                if (quoted) {
                    throw typeError(t, field, dateHint());
                }
                return date(t, field);
            case INSTANT:
                if (quoted) {
                    throw typeError(t, field, instantHint());
                }
                return instant(t, field);
            case BOOLEAN:
                if (!quoted && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return new Fixed(Boolean.valueOf(s.equalsIgnoreCase("true")));
                }
                throw typeError(t, field, "true or false");
            default:
                throw new IllegalStateException("unhandled type " + field.type);
        }
    }

    private static Literal date(Token t, Field field) {
        var today = TODAY.matcher(t.text);
        if (today.matches()) {
            if (today.group(1) == null) {
                return new Today(0);
            }
            int days = Integer.parseInt(today.group(2));
            return new Today(today.group(1).equals("-") ? -days : days);
        }
        if (DATE.matcher(t.text).matches()) {
            try {
                return new Fixed(LocalDate.parse(t.text));
            } catch (DateTimeException e) {
                throw error(t.pos, "type", t.describe() + " is not a valid date");
            }
        }
        throw typeError(t, field, dateHint());
    }

    private static Literal instant(Token t, Field field) {
        if (t.text.length() > 10 && t.text.charAt(10) == 'T') {
            try {
                return new Fixed(OffsetDateTime.parse(t.text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeException e) {
                throw error(t.pos, "type", t.describe() + " is not a valid instant; " + instantHint());
            }
        }
        throw typeError(t, field, instantHint());
    }

    private static String dateHint() {
        return "a date such as 2026-03-01, today, today-30 or today+7";
    }

    private static String instantHint() {
        return "an instant such as 2026-03-01T00:00:00Z or 2026-03-01T00:00:00+01:00";
    }

    private static DomainException typeError(Token t, Field field, String expected) {
        String what = t.kind == Kind.STRING ? "a quoted text " + t.describe() : t.describe();
        return error(t.pos, "type", field.apiName + " is " + field.type.label + ": expected " + expected
                + ", found " + what);
    }

    private static String suggestion(String name) {
        Field closest = null;
        int best = Integer.MAX_VALUE;
        for (Field f : Field.values()) {
            int d = distance(name.toLowerCase(Locale.ROOT), f.apiName.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                closest = f;
            }
        }
        if (closest != null && best <= 2) {
            return "did you mean '" + closest.apiName + "'?";
        }
        return "fields are " + Arrays.stream(Field.values()).map(f -> f.apiName).collect(Collectors.joining(", "));
    }

    /** Levenshtein distance, for suggestions. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    static DomainException error(int pos, String rule, String problem) {
        return DomainException.invalid("filter", rule, "at " + pos + ": " + problem);
    }

    // ---- tokens: words (anything up to whitespace or one of ( ) , = ! < > ' "), quoted strings, symbols

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = string(s, i, out);
            } else if (c == '(' || c == ')' || c == ',' || c == '=') {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i + 1, String.valueOf(c)));
                i++;
            } else if (c == '<' || c == '>' || c == '!') {
                boolean withEquals = i + 1 < s.length() && s.charAt(i + 1) == '=';
                if (c == '!' && !withEquals) {
                    throw error(i + 1, "syntax", "unexpected '!' (not equal is '!=' or 'ne')");
                }
                String symbol = withEquals ? c + "=" : String.valueOf(c);
                out.add(new Token(Kind.SYMBOL, symbol, i + 1, symbol));
                i += symbol.length();
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && SPECIAL.indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String word = s.substring(start, i);
                out.add(new Token(Kind.WORD, word, start + 1, word));
            }
        }
        out.add(new Token(Kind.END, "", s.length() + 1, ""));
        return out;
    }

    /**
     * A string in single or double quotes; inside, the quote is escaped by doubling it or with a backslash
     * ({@code 'O''Brien'}, {@code "say \"hi\""}), and {@code \\} is one backslash.
     */
    private static int string(String s, int start, List<Token> out) {
        char quote = s.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                char escaped = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if (escaped != '\\' && escaped != '\'' && escaped != '"') {
                    throw error(i + 1, "syntax", "unknown escape in a string: a backslash escapes only "
                            + "\\, ' and \"");
                }
                value.append(escaped);
                i += 2;
            } else if (c == quote && i + 1 < s.length() && s.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                out.add(new Token(Kind.STRING, value.toString(), start + 1, s.substring(start, i + 1)));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw error(start + 1, "syntax", "the string starting here is not closed with " + quote);
    }
}
