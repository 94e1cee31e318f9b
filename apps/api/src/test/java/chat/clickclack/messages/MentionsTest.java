package chat.clickclack.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mention scanner on its own: what is a mention in a markdown body and what is only text. */
class MentionsTest {
    private static List<String> handles(String body) {
        return Mentions.parse(body).handles();
    }

    @Test
    void findsHandlesCaseInsensitivelyInOrderWithoutDuplicates() {
        assertThat(handles("@Alice and @bob, then @ALICE again")).containsExactly("alice", "bob");
        assertThat(handles("hi @pinchy_the-lobster2!")).containsExactly("pinchy_the-lobster2");
        assertThat(Mentions.parse("no at sign here")).isSameAs(Mentions.NONE);
        assertThat(Mentions.parse("a lone @ sign")).isSameAs(Mentions.NONE);
    }

    @Test
    void punctuationAfterAHandleEndsIt() {
        assertThat(handles("@alice. @bob, @carol: @dave? @erin! (@frank) @gina's \"@hank\" **@ivy** *@jo*"))
                .containsExactly("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivy", "jo");
    }

    @Test
    void emailsUrlsAndLinkDestinationsAreNotMentions() {
        assertThat(Mentions.parse("mail a@b.com or pinchy@reef.example, x@y")).isSameAs(Mentions.NONE);
        assertThat(Mentions.parse("see https://social.example/@alice and http://x.test/?u=@bob")).isSameAs(Mentions.NONE);
        assertThat(Mentions.parse("[profile](https://social.example/@alice) <https://x.test/@bob> <c@d.org>"))
                .isSameAs(Mentions.NONE);
        assertThat(Mentions.parse("path/@alice q=@bob @carol.example @dave@host")).isSameAs(Mentions.NONE);
        assertThat(handles("[@alice](https://x.test) writes")).containsExactly("alice");
        assertThat(handles("\\@escaped @real")).containsExactly("real");
    }

    @Test
    void nothingInsideCodeSpansOrCodeBlocksIsAMention() {
        assertThat(handles("run `@alice` or ``x ` @bob`` but ping @carol")).containsExactly("carol");
        assertThat(handles("an unclosed ` tick still lets @dave through")).containsExactly("dave");
        assertThat(handles("before\n```js\n@alice in a fence\n```\n@bob after")).containsExactly("bob");
        assertThat(handles("~~~~\n@alice\n~~~\nstill code @bob\n~~~~\n@carol")).containsExactly("carol");
        assertThat(handles("```\n@alice never closed")).isEmpty();
        assertThat(handles("text\n\n    @alice indented code\n\tand @bob\n\n@carol")).containsExactly("carol");
        // an indented line cannot interrupt a paragraph: it is the paragraph's text
        assertThat(handles("a paragraph\n    @alice continues it")).containsExactly("alice");
    }

    @Test
    void channelAndHereAreChannelWideNotHandles() {
        var parsed = Mentions.parse("@channel standup! cc @Here @alice");
        assertThat(parsed.channelWide()).isTrue();
        assertThat(parsed.handles()).containsExactly("alice");
        assertThat(Mentions.parse("`@channel`").channelWide()).isFalse();
        assertThat(Mentions.parse("@channels is a handle").channelWide()).isFalse();
        assertThat(handles("@channels is a handle")).containsExactly("channels");
    }

    @Test
    void overlongHandlesAreIgnored() {
        assertThat(handles("@" + "a".repeat(33) + " @" + "b".repeat(32))).containsExactly("b".repeat(32));
    }
}
