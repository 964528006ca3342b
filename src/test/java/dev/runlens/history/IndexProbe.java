package dev.runlens.history;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the index's documents back for the tests' assertions. */
final class IndexProbe {
    private IndexProbe() {
    }

    /** "run|node|times|status" of every execution document, sorted; ids too when {@code withIds}. */
    static List<String> executions(HistoryIndex index) throws IOException {
        return documents(index, IndexFields.EXEC, false);
    }

    static List<String> ids(HistoryIndex index, String kind) throws IOException {
        return documents(index, kind, true);
    }

    static List<String> texts(HistoryIndex index) throws IOException {
        List<String> out = new ArrayList<>();
        IndexSearcher s = index.acquire();
        try {
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : s.search(new org.apache.lucene.search.MatchAllDocsQuery(), Integer.MAX_VALUE).scoreDocs) {
                String t = stored.document(sd.doc).get(IndexFields.TEXT);
                if (t != null) {
                    out.add(t);
                }
            }
        } finally {
            index.release(s);
        }
        return out;
    }

    private static List<String> documents(HistoryIndex index, String kind, boolean ids) throws IOException {
        List<String> out = new ArrayList<>();
        IndexSearcher s = index.acquire();
        if (s == null) {
            return out;
        }
        try {
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : s.search(new TermQuery(new Term(IndexFields.KIND, kind)), Integer.MAX_VALUE).scoreDocs) {
                Document d = stored.document(sd.doc);
                // Ids are digests (not stored): what they digest, from the stored fields.
                out.add(ids ? d.get(IndexFields.RECORDING) + "|" + d.get(IndexFields.RUN) + "|" + d.get(IndexFields.NODE) + "|"
                        + (d.getField(IndexFields.TIMES) == null ? "" : d.getField(IndexFields.TIMES).numericValue())
                        : d.get(IndexFields.RUN) + "|" + d.get(IndexFields.NODE) + "|" + d.getField(IndexFields.TIMES).numericValue()
                        + "|" + d.get(IndexFields.STATUS));
            }
        } finally {
            index.release(s);
        }
        out.sort(null);
        return out;
    }
}
