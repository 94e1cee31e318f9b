package chat.clickclack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.clickclack.http.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Incoming webhook bodies as Mattermost's documentation shows them (developers.mattermost.com, "Incoming
 * webhooks" and "Message attachments"), parsed and rendered to the Markdown we post.
 */
class MattermostPayloadTest {
    private static MattermostPayload json(String body) {
        return MattermostPayload.parse("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedMinimalPayloadPostsItsText() {
        var p = json("{\"text\": \"Hello, this is some text\\nThis is more text. :tada:\"}");

        assertThat(p.body()).isEqualTo("Hello, this is some text\nThis is more text. :tada:");
        assertThat(p.username()).isNull();
        assertThat(p.channel()).isNull();
    }

    @Test
    void usernameIconAndChannelOverridesAreRead() {
        var p = json("""
                {"channel": "town-square", "username": "test-automation", "icon_url": "https://mattermost.com/wp-content/uploads/2022/02/icon.png",
                 "text": "#### Test results for July 27th, 2017\\n@channel please review failed tests."}""");

        assertThat(p.username()).isEqualTo("test-automation");
        assertThat(p.iconUrl()).isEqualTo("https://mattermost.com/wp-content/uploads/2022/02/icon.png");
        assertThat(p.channel()).isEqualTo("town-square");
        assertThat(p.body()).startsWith("#### Test results for July 27th, 2017\n@channel");
    }

    @Test
    void aFormWithAPayloadFieldIsTheSameAsJson() {
        var form = "payload=" + URLEncoder.encode("{\"text\": \"deploy ok\", \"username\": \"ci\"}", StandardCharsets.UTF_8);

        var p = MattermostPayload.parse("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));

        assertThat(p.body()).isEqualTo("deploy ok");
        assertThat(p.username()).isEqualTo("ci");
    }

    @Test
    void curlsDefaultFormContentTypeWithAJsonBodyIsJson() {
        // curl -d '{"text":"deploy ok","username":"ci"}' URL sends its JSON as application/x-www-form-urlencoded
        var body = "{\"text\":\"deploy ok\",\"username\":\"ci\"}".getBytes(StandardCharsets.UTF_8);

        var asForm = MattermostPayload.parse("application/x-www-form-urlencoded", body);
        var untyped = MattermostPayload.parse(null, body);

        assertThat(asForm.body()).isEqualTo("deploy ok");
        assertThat(asForm.username()).isEqualTo("ci");
        assertThat(untyped.body()).isEqualTo("deploy ok");
    }

    @Test
    void theDocumentedAttachmentRendersAsAQuoteWithColourTitleFieldsAndFooter() {
        var p = json("""
                {"attachments": [{
                  "fallback": "test", "color": "#FF8000",
                  "pretext": "This is optional pretext that shows above the attachment.",
                  "text": "This is the text of the attachment. It should appear just above an image of the Mattermost logo.",
                  "author_name": "Mattermost", "author_icon": "https://mattermost.com/wp-content/uploads/2022/02/icon_WS.png",
                  "author_link": "https://mattermost.org/",
                  "title": "Example Attachment", "title_link": "https://developers.mattermost.com/integrate/reference/message-attachments/",
                  "fields": [
                    {"short": false, "title": "Long Field", "value": "Testing with a very long piece of text."},
                    {"short": true, "title": "Column One", "value": "Testing"},
                    {"short": true, "title": "Column Two", "value": 42}],
                  "image_url": "https://mattermost.com/wp-content/uploads/2022/02/icon_WS.png",
                  "footer": "Mattermost"}]}""");

        assertThat(p.body()).isEqualTo("""
                This is optional pretext that shows above the attachment.

                > *[Mattermost](https://mattermost.org/)*
                >
                > 🟧 **[Example Attachment](https://developers.mattermost.com/integrate/reference/message-attachments/)**
                >
                > This is the text of the attachment. It should appear just above an image of the Mattermost logo.
                >
                > **Long Field**: Testing with a very long piece of text.
                >
                > **Column One**: Testing
                >
                > **Column Two**: 42
                >
                > [image](https://mattermost.com/wp-content/uploads/2022/02/icon_WS.png)
                >
                > _Mattermost_""");
    }

    @Test
    void textAndAttachmentsBothShowAndNamedColoursMapToSquares() {
        var p = json("{\"text\": \"build 7\", \"attachments\": [{\"color\": \"danger\", \"title\": \"failed\"}, "
                + "{\"color\": \"good\", \"fallback\": \"all green\"}]}");

        assertThat(p.body()).isEqualTo("build 7\n\n> 🟥 **failed**\n\n> 🟩\n>\n> all green");
    }

    @Test
    void aTitleLinkThatIsNotHttpIsLeftOutNotLinked() {
        var p = json("{\"attachments\": [{\"title\": \"click\", \"title_link\": \"javascript:alert(1)\"}]}");

        assertThat(p.body()).isEqualTo("> **click**").doesNotContain("javascript");
    }

    @Test
    void hexColoursMapToTheNearestSquare() {
        assertThat(AttachmentMarkdown.square("#36a64f")).isEqualTo("🟩");
        assertThat(AttachmentMarkdown.square("#439FE0")).isEqualTo("🟦");
        assertThat(AttachmentMarkdown.square("f00")).isEqualTo("🟥");
        assertThat(AttachmentMarkdown.square("#800080")).isEqualTo("🟪");
        assertThat(AttachmentMarkdown.square("#ffff00")).isEqualTo("🟨");
        assertThat(AttachmentMarkdown.square("#222222")).isEqualTo("⬛");
        assertThat(AttachmentMarkdown.square("#eeeeee")).isEqualTo("⬜");
        assertThat(AttachmentMarkdown.square("chartreuse-ish")).isNull();
    }

    @Test
    void badPayloadsAreMattermostLike400s() {
        assertThatThrownBy(() -> json("{\"text\": ")).isInstanceOf(ApiException.Invalid.class)
                .hasMessageStartingWith("Unable to parse incoming data");
        assertThatThrownBy(() -> json("[1, 2]")).hasMessageStartingWith("Unable to parse incoming data");
        assertThatThrownBy(() -> json("{}")).isInstanceOf(ApiException.Invalid.class).hasMessage("No text specified");
        assertThatThrownBy(() -> json("{\"text\": \"   \"}")).hasMessage("No text specified");
        assertThatThrownBy(() -> json("{\"text\": 5}")).hasMessageContaining("text must be a string");
        assertThatThrownBy(() -> json("{\"text\": \"x\", \"attachments\": {}}")).hasMessageContaining("attachments");
        assertThatThrownBy(() -> json("{\"text\": \"" + "t".repeat(16_384) + "\"}")).hasMessageContaining("too long");
        assertThatThrownBy(() -> MattermostPayload.parse("application/x-www-form-urlencoded",
                "text=hello".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("payload");
        assertThatThrownBy(() -> MattermostPayload.parse("application/json", new byte[0]))
                .hasMessageStartingWith("Unable to parse incoming data");
    }
}
