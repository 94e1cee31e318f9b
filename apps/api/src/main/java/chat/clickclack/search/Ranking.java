package chat.clickclack.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Best-match order for the newest matches of a query: Okapi BM25 over the words of each body, computed here
 * rather than with FTS5's bm25(), because that one reads the whole doclist of every word on every query to
 * count the messages holding it — 35–40 ms for a word in most of a million messages, whatever the page.
 * Term statistics come from the candidates themselves (the newest matches), which is what a recency-bounded
 * ranking wants anyway: among them, a word most of them share weighs less than one few of them have.
 *
 * <p>Words are split as FTS5's unicode61 tokenizer splits them (letters, digits and private-use characters;
 * case and diacritics folded), close enough that every candidate — which FTS5 already matched — scores the
 * matches the reader sees highlighted.
 */
final class Ranking {
    /** One candidate: its docid (newest first is ascending) and body. */
    record Candidate(long docid, String messageId, String body) {}

    /** A candidate and its score, higher is better. */
    record Scored(long docid, String messageId, double score) {}

    static final double K1 = 1.2;
    static final double B = 0.75;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{Co}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Ranking() {}

    /** The candidates by score, best first; ties keep the newer message first. */
    static List<Scored> rank(List<Candidate> candidates, List<SearchQuery.Term> terms) {
        var queries = terms.stream().map(t -> new Query(tokens(t.text()), t.prefix())).filter(q -> !q.words.isEmpty())
                .toList();
        int n = candidates.size();
        var docs = new ArrayList<List<String>>(n);
        long totalLength = 0;
        for (var candidate : candidates) {
            var words = tokens(candidate.body());
            docs.add(words);
            totalLength += words.size();
        }
        double averageLength = n == 0 ? 1 : Math.max(1.0, totalLength / (double) n);
        var frequencies = new int[n][queries.size()];
        var holding = new int[queries.size()];
        for (int d = 0; d < n; d++) {
            for (int q = 0; q < queries.size(); q++) {
                frequencies[d][q] = queries.get(q).count(docs.get(d));
                if (frequencies[d][q] > 0) {
                    holding[q]++;
                }
            }
        }
        var out = new ArrayList<Scored>(n);
        for (int d = 0; d < n; d++) {
            double score = 0;
            double norm = K1 * (1 - B + B * docs.get(d).size() / averageLength);
            for (int q = 0; q < queries.size(); q++) {
                int tf = frequencies[d][q];
                if (tf > 0) {
                    double idf = Math.log(1 + (n - holding[q] + 0.5) / (holding[q] + 0.5));
                    score += idf * tf * (K1 + 1) / (tf + norm);
                }
            }
            out.add(new Scored(candidates.get(d).docid(), candidates.get(d).messageId(), score));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::docid));
        return out;
    }

    /** The words of a text as unicode61 would index them: split on separators, case and diacritics folded. */
    static List<String> tokens(String text) {
        var folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        var out = new ArrayList<String>();
        for (var word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** A term as words in a row; with {@code prefix} the last one matches any word it starts. */
    private record Query(List<String> words, boolean prefix) {
        int count(List<String> doc) {
            int hits = 0;
            for (int i = 0; i + words.size() <= doc.size(); i++) {
                if (matchesAt(doc, i)) {
                    hits++;
                }
            }
            return hits;
        }

        private boolean matchesAt(List<String> doc, int at) {
            for (int k = 0; k < words.size(); k++) {
                var word = doc.get(at + k);
                boolean last = k == words.size() - 1;
                if (!(last && prefix ? word.startsWith(words.get(k)) : word.equals(words.get(k)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
