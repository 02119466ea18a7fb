package org.hypomag.cds.clinical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 16: the text fallback of {@link DrugMatcher} by lookup instead of a scan of every class, ingredient and
 * term per text. A term matches a text when its words ({@link DrugMatcher#words}) occur in the text as whole,
 * consecutive words: what {@code normalise(text).contains(" " + words(term).trim() + " ")} tested. Each term is
 * indexed once under its first word; a text is split into its words once and each word is looked up.
 * Per class the winner is the one the scan found first: the earliest text, then the first ingredient, then
 * the first term of that ingredient (its rank).
 */
final class DrugTextIndex {

    /** A term of class {@code classIndex}, {@code rank}-th in the class's ingredient/term order. */
    private record Entry(int classIndex, int rank, String[] words, String term) {
    }

    private final int classCount;
    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();

    DrugTextIndex(List<DrugClass> classes) {
        classCount = classes.size();
        for (int ci = 0; ci < classes.size(); ci++) {
            int rank = 0;
            for (DrugClass.Ingredient ing : classes.get(ci).ingredients()) {
                for (String term : ing.terms()) {
                    String[] w = tokens(term);
                    if (w.length > 0) {
                        byFirstWord.computeIfAbsent(w[0], k -> new ArrayList<>()).add(new Entry(ci, rank, w, term));
                    }
                    rank++;
                }
            }
        }
    }

    /**
     * Per class (by its index in the catalog), the term it matched by, or null: the first of {@code texts}
     * (raw, null counts as empty) holding one of its terms, and in that text its first term.
     */
    String[] match(List<String> texts) {
        String[] term = new String[classCount];
        int[] text = new int[classCount];
        int[] rank = new int[classCount];
        for (int ti = 0; ti < texts.size(); ti++) {
            String[] words = tokens(texts.get(ti));
            for (int i = 0; i < words.length; i++) {
                List<Entry> entries = byFirstWord.get(words[i]);
                if (entries == null) {
                    continue;
                }
                for (Entry e : entries) {
                    int ci = e.classIndex();
                    boolean better = term[ci] == null || text[ci] == ti && e.rank() < rank[ci];
                    if (better && at(words, i, e.words())) {
                        term[ci] = e.term();
                        text[ci] = ti;
                        rank[ci] = e.rank();
                    }
                }
            }
        }
        return term;
    }

    private static boolean at(String[] words, int start, String[] term) {
        if (start + term.length > words.length) {
            return false;
        }
        for (int j = 1; j < term.length; j++) {
            if (!words[start + j].equals(term[j])) {
                return false;
            }
        }
        return true;
    }

    /** The words of {@link DrugMatcher#words}: lower case (ROOT), the runs of a-z and 0-9; none for null. */
    static String[] tokens(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new String[0];
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
        }
        return out.toArray(new String[0]);
    }
}
