package dev.runlens.history;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.List;

/** Formats the highlighter's best passages as one line of text with the matched ranges beside it. */
final class SnippetFormatter extends PassageFormatter {
    static final String ELLIPSIS = " … ";

    /** A snippet and its highlighted ranges. */
    record Snippet(String text, List<int[]> highlights) {
    }

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder b = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        for (Passage p : passages) {
            if (!b.isEmpty()) {
                b.append(ELLIPSIS);
            }
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = Math.max(p.getMatchStarts()[i], pos);
                int end = p.getMatchEnds()[i];
                if (end <= start) {
                    continue;
                }
                append(b, content, pos, start);
                int from = b.length();
                append(b, content, start, end);
                ranges.add(new int[] {from, b.length()});
                pos = end;
            }
            append(b, content, pos, p.getEndOffset());
        }
        return new Snippet(b.toString(), ranges);
    }

    /** Appends content[from, to) on one line (newlines and tabs as spaces), same length. */
    private static void append(StringBuilder b, String content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            b.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
    }
}
