package chat.clickclack.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Best match: more of the words, rarer words and shorter bodies rank higher; ties keep the newer first. */
class RankingTest {
    private static Ranking.Candidate doc(long docid, String body) {
        return new Ranking.Candidate(docid, "msg_" + docid, body);
    }

    private static List<Long> order(List<Ranking.Candidate> docs, String q) {
        return Ranking.rank(docs, SearchQuery.parse(q).terms()).stream().map(Ranking.Scored::docid).toList();
    }

    @Test
    void aBodyThatSaysTheWordMoreOftenRanksHigher() {
        var docs = List.of(doc(1, "crab and other things"), doc(2, "crab crab crab and other things"));
        assertThat(order(docs, "crab")).containsExactly(2L, 1L);
    }

    @Test
    void aShorterBodyRanksHigherForTheSameCount() {
        var docs = List.of(doc(1, "crab in a very long message about many other things entirely"), doc(2, "crab"));
        assertThat(order(docs, "crab")).containsExactly(2L, 1L);
    }

    @Test
    void theRarerOfTwoWordsWeighsMore() {
        var docs = List.of(doc(1, "reef reef"), doc(2, "reef kelp"), doc(3, "reef"), doc(4, "reef"));
        assertThat(order(docs, "reef kelp").getFirst()).isEqualTo(2L);
    }

    @Test
    void tiesKeepTheNewerMessageFirst() {
        var docs = List.of(doc(-5, "same words"), doc(-9, "same words"));
        assertThat(order(docs, "same")).containsExactly(-9L, -5L);
    }

    @Test
    void phrasesPrefixesAndFoldingMatchAsTheIndexDoes() {
        assertThat(Ranking.tokens("Café-crème, NAÏVE_x 2026!")).containsExactly("cafe", "creme", "naive", "x", "2026");
        var docs = List.of(doc(1, "tide reef"), doc(2, "reef tide, reef tide"), doc(3, "deployed deploying"));
        assertThat(order(docs, "\"reef tide\"").getFirst()).isEqualTo(2L);
        var prefix = Ranking.rank(docs, SearchQuery.parse("deplo*").terms());
        assertThat(prefix.getFirst().docid()).isEqualTo(3L);
        assertThat(prefix.getFirst().score()).isPositive();
        assertThat(prefix.get(1).score()).isZero();
    }
}
