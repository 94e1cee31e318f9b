package chat.clickclack.webhooks;

import chat.clickclack.webhooks.MattermostPayload.Attachment;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Mattermost message attachment as Markdown our renderer shows well: the pretext above, then a block quote
 * (the attachment's bar) opened by a coloured square for its colour, with the author, the title (a link when
 * {@code title_link} is http(s)), the text, one line per field ({@code **title**: value}), the image as a link
 * and the footer. Text fields are Markdown already (as in Mattermost) and pass through.
 */
final class AttachmentMarkdown {
    private static final Pattern HEX = Pattern.compile("^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$");

    private AttachmentMarkdown() {}

    static String render(Attachment a) {
        var out = new ArrayList<String>();
        if (!MattermostPayload.blank(a.pretext())) {
            out.add(a.pretext().strip());
        }
        var quoted = new ArrayList<String>();
        var heading = new ArrayList<String>();
        var square = square(a.color());
        if (square != null) {
            heading.add(square);
        }
        if (!MattermostPayload.blank(a.title())) {
            heading.add("**" + link(a.title().strip(), a.titleLink()) + "**");
        }
        if (!MattermostPayload.blank(a.authorName())) {
            quoted.add("*" + link(a.authorName().strip(), a.authorLink()) + "*");
        }
        if (!heading.isEmpty()) {
            quoted.add(String.join(" ", heading));
        }
        if (!MattermostPayload.blank(a.text())) {
            quoted.addAll(a.text().strip().lines().toList());
        } else if (MattermostPayload.blank(a.title()) && a.fields().isEmpty() && !MattermostPayload.blank(a.fallback())) {
            quoted.add(a.fallback().strip()); // nothing else to show: Mattermost's fallback is the summary
        }
        for (var field : a.fields()) {
            var title = MattermostPayload.blank(field.title()) ? "" : "**" + field.title().strip() + "**: ";
            var value = field.value() == null ? "" : field.value().strip().replace("\n", " ");
            if (!title.isEmpty() || !value.isEmpty()) {
                quoted.add(title + value);
            }
        }
        if (!MattermostPayload.blank(a.imageUrl()) && isHttp(a.imageUrl())) {
            quoted.add("[image](" + a.imageUrl().strip() + ")");
        }
        if (!MattermostPayload.blank(a.footer())) {
            quoted.add("_" + a.footer().strip() + "_");
        }
        if (!quoted.isEmpty()) {
            // A blank quoted line between the parts keeps them separate paragraphs inside the quote.
            out.add(String.join("\n>\n", quoted.stream().map(line -> "> " + line).toList()));
        }
        return String.join("\n\n", out);
    }

    private static String link(String label, String url) {
        if (url == null || !isHttp(url)) {
            return label;
        }
        return "[" + label.replace("[", "\\[").replace("]", "\\]") + "](" + url.strip().replace(")", "%29")
                .replace(" ", "%20") + ")";
    }

    private static boolean isHttp(String url) {
        var u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }

    /** The coloured square nearest to an attachment colour (Mattermost's names or a hex colour), or null. */
    static String square(String color) {
        if (MattermostPayload.blank(color)) {
            return null;
        }
        switch (color.strip().toLowerCase(Locale.ROOT)) {
            case "good":
                return "🟩";
            case "warning":
                return "🟨";
            case "danger":
                return "🟥";
            default:
                break;
        }
        var m = HEX.matcher(color.strip());
        if (!m.matches()) {
            return null;
        }
        var hex = m.group(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int rgb = Integer.parseInt(hex, 16);
        double r = ((rgb >> 16) & 0xff) / 255.0;
        double g = ((rgb >> 8) & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double chroma = max - min;
        if (max == 0 || chroma / max < 0.2) { // grey: no hue to speak of
            return max < 0.5 ? "⬛" : "⬜";
        }
        double hue = max == r ? 60 * (((g - b) / chroma + 6) % 6)
                : max == g ? 60 * ((b - r) / chroma + 2)
                : 60 * ((r - g) / chroma + 4);
        if (hue < 15 || hue >= 330) {
            return "🟥";
        }
        if (hue < 45) {
            return "🟧";
        }
        if (hue < 70) {
            return "🟨";
        }
        if (hue < 170) {
            return "🟩";
        }
        if (hue < 260) {
            return "🟦";
        }
        return "🟪";
    }
}
