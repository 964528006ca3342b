package dev.runlens.history;

import dev.runlens.protocol.Source;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The search language: free words and "quoted phrases" (matched in the text of inputs, outputs,
 * errors and logs) and fields: {@code status:failed node:ID flow:NAME protocol:lyzr run:ID
 * after:2026-11-01 before:2026-11-02T10:00:00Z duration>5s} ({@code < <= >=}; units ms s m h).
 * Every part must match. A part that cannot be read is refused with its column.
 *
 * @param query   the Lucene query
 * @param hasText true when the query has free text (so the hits have something to highlight and a score worth sorting by)
 */
public record HistoryQuery(Query query, boolean hasText) {
    static final List<String> FIELDS = List.of("status", "node", "flow", "protocol", "run", "after", "before", "duration");
    private static final Set<String> STATUSES = Set.of("running", "succeeded", "failed", "interrupted");

    public static HistoryQuery parse(String text, Analyzer analyzer) throws BadQueryException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        QueryBuilder words = new QueryBuilder(analyzer);
        boolean any = false;
        boolean hasText = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                int end = closing(text, i);
                Query phrase = words.createPhraseQuery(IndexFields.TEXT, text.substring(i + 1, end));
                if (phrase != null) {
                    b.add(phrase, Occur.MUST);
                    hasText = true;
                    any = true;
                }
                i = end + 1;
                continue;
            }
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                if (text.charAt(i) == '"') {
                    i = closing(text, i);
                }
                i++;
            }
            String part = text.substring(start, i);
            Query field = field(part, start + 1);
            if (field != null) {
                b.add(field, Occur.FILTER);
                any = true;
            } else {
                Query q = words.createBooleanQuery(IndexFields.TEXT, part, Occur.MUST);
                if (q != null) {
                    b.add(q, Occur.MUST);
                    hasText = true;
                    any = true;
                }
            }
        }
        if (!any) {
            throw new BadQueryException("the query has nothing to search for", 1);
        }
        BooleanQuery.Builder kinds = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.EXEC)), Occur.SHOULD)
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.RUN_KIND)), Occur.SHOULD);
        b.add(kinds.build(), Occur.FILTER);
        return new HistoryQuery(b.build(), hasText);
    }

    /** The index of the quote closing the one at {@code open}. */
    private static int closing(String text, int open) throws BadQueryException {
        int end = text.indexOf('"', open + 1);
        if (end < 0) {
            throw new BadQueryException("the quote opened here is never closed", open + 1);
        }
        return end;
    }

    /** The query of a field part ({@code name:value} or {@code duration>5s}), or null for free text. */
    private static Query field(String part, int column) throws BadQueryException {
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.startsWith("duration") && part.length() > 8 && "<>:=".indexOf(part.charAt(8)) >= 0) {
            return duration(part.substring(8), column + 8);
        }
        int colon = part.indexOf(':');
        if (colon <= 0 || !part.substring(0, colon).chars().allMatch(Character::isLetter)
                || part.startsWith("//", colon + 1)) {
            return null;  // free text: "error:", a URL, a time 10:32
        }
        String name = lower.substring(0, colon);
        String value = unquote(part.substring(colon + 1));
        int at = column + colon + 1;
        if (value.isEmpty()) {
            if (!FIELDS.contains(name)) {
                return null;
            }
            throw new BadQueryException(name + ": needs a value", at);
        }
        return switch (name) {
            case "status" -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!STATUSES.contains(v)) {
                    throw new BadQueryException("status must be running, succeeded, failed or interrupted, not '" + value + "'", at);
                }
                yield new TermQuery(new Term(IndexFields.STATUS, v));
            }
            case "node" -> new TermQuery(new Term(IndexFields.NODE, value));
            case "flow" -> new TermQuery(new Term(IndexFields.FLOW, value));
            case "run" -> new TermQuery(new Term(IndexFields.RUN, value));
            case "protocol" -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (Source.ofId(v) == null) {
                    throw new BadQueryException("protocol must be lyzr, space-operator or space-operator-v1, not '" + value + "'", at);
                }
                yield new TermQuery(new Term(IndexFields.PROTOCOL, v));
            }
            case "after" -> LongPoint.newRangeQuery(IndexFields.STARTED, time(value, at), Long.MAX_VALUE);
            case "before" -> LongPoint.newRangeQuery(IndexFields.STARTED, 0, time(value, at) - 1);
            case "duration" -> throw new BadQueryException("duration takes a comparison: duration>5s or duration<500ms", at - 1);
            default -> throw new BadQueryException("unknown field '" + part.substring(0, colon) + "' (fields: "
                    + String.join(", ", FIELDS) + "; quote the text to search for it as words)", column);
        };
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** A date (UTC midnight) or an instant, as epoch millis. */
    static long time(String value, int column) throws BadQueryException {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadQueryException("'" + value + "' is not a date (2026-11-01) or a time (2026-11-01T10:00:00Z)", column);
        }
    }

    private static Query duration(String rest, int column) throws BadQueryException {
        String op = rest.startsWith(">=") || rest.startsWith("<=") ? rest.substring(0, 2) : rest.substring(0, 1);
        if (op.equals(":") || op.equals("=")) {
            throw new BadQueryException("duration takes a comparison: duration>5s or duration<500ms", column);
        }
        long ms = millis(rest.substring(op.length()), column + op.length());
        return switch (op) {
            case ">" -> LongPoint.newRangeQuery(IndexFields.DURATION, ms + 1, Long.MAX_VALUE);
            case ">=" -> LongPoint.newRangeQuery(IndexFields.DURATION, ms, Long.MAX_VALUE);
            case "<" -> LongPoint.newRangeQuery(IndexFields.DURATION, 0, ms - 1);
            default -> LongPoint.newRangeQuery(IndexFields.DURATION, 0, ms);
        };
    }

    /** "5s", "1.5m", "250ms", "2h" as milliseconds. */
    static long millis(String value, int column) throws BadQueryException {
        String v = value.toLowerCase(Locale.ROOT);
        int unitAt = 0;
        while (unitAt < v.length() && (Character.isDigit(v.charAt(unitAt)) || v.charAt(unitAt) == '.')) {
            unitAt++;
        }
        String unit = v.substring(unitAt);
        long scale = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> -1;
        };
        try {
            if (unitAt > 0 && scale > 0) {
                return Math.round(Double.parseDouble(v.substring(0, unitAt)) * scale);
            }
        } catch (NumberFormatException e) {
            // "1.2.3s": refused below, as a missing number or unit is
        }
        throw new BadQueryException("'" + value + "' is not a duration (a number and a unit: 250ms, 5s, 1.5m, 2h)", column);
    }
}
