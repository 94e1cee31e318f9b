package chat.clickclack.uploads;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The content type of an upload, from its first bytes; the client's Content-Type and file name are never
 * trusted. A small table of signatures rather than Apache Tika: the one decision that matters for safety
 * is which files are served inline, and that list (PNG, JPEG, GIF, WebP) is four exact magic numbers;
 * everything else is a download with {@code nosniff}, so a wrong guess among the rest only mislabels a
 * download. The table covers what a chat shares (images, PDF, archives, audio, video, text) without
 * pulling Tika's thousand-type database into the jar.
 */
final class Sniffer {
    /** Bytes of the file's start the sniffer looks at. */
    static final int HEAD = 4096;
    /** Served inline (shown in the page); every other type is {@code Content-Disposition: attachment}. */
    static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** Image types the JDK's ImageIO decodes, so thumbnails and avatars can be made of them. */
    static final Set<String> DECODABLE = Set.of("image/png", "image/jpeg", "image/gif");

    private Sniffer() {}

    static String sniff(byte[] head, int length) {
        var b = Arrays.copyOf(head, length);
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return "image/gif";
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return "image/webp";
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) return "audio/wav";
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "AVI ")) return "video/x-msvideo";
        if (ascii(b, 0, "%PDF-")) return "application/pdf";
        if (starts(b, 0, 'P', 'K', 3, 4) || starts(b, 0, 'P', 'K', 5, 6)) return "application/zip";
        if (starts(b, 0, 0x1F, 0x8B)) return "application/gzip";
        if (starts(b, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) return "application/x-7z-compressed";
        if (ascii(b, 4, "ftyp")) return isoMedia(b);
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) return contains(b, "webm") ? "video/webm" : "video/x-matroska";
        if (ascii(b, 0, "OggS")) return "audio/ogg";
        if (ascii(b, 0, "fLaC")) return "audio/flac";
        if (ascii(b, 0, "ID3") || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE6) == 0xE2)) return "audio/mpeg";
        var text = utf8(b);
        if (text != null) {
            return markup(text);
        }
        return "application/octet-stream";
    }

    /** MP4 and its relatives: the brand after {@code ftyp} says which. */
    private static String isoMedia(byte[] b) {
        var brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.ISO_8859_1) : "";
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            case "avif", "avis" -> "image/avif";
            case "heic", "heix", "mif1", "msf1" -> "image/heic";
            default -> "video/mp4";
        };
    }

    /** Text: SVG and HTML are told apart from plain text (all three are downloads, but the label should be right). */
    private static String markup(String text) {
        var start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        var head = start.length() > 1024 ? start.substring(0, 1024) : start;
        if (head.startsWith("<svg") || ((head.startsWith("<?xml") || head.startsWith("<!doctype svg")) && head.contains("<svg"))) {
            return "image/svg+xml";
        }
        for (var tag : new String[] {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<!--"}) {
            if (head.startsWith(tag)) {
                return "text/html";
            }
        }
        if (head.startsWith("<?xml")) {
            return "application/xml";
        }
        return "text/plain; charset=utf-8";
    }

    /** The bytes as UTF-8 text, or null when they are binary (a NUL, other control bytes, or invalid UTF-8). */
    private static String utf8(byte[] b) {
        if (b.length == 0) {
            return null;
        }
        for (byte x : b) {
            int v = x & 0xFF;
            if (v == 0 || (v < 0x20 && v != '\n' && v != '\r' && v != '\t' && v != '\f' && v != 0x1B)) {
                return null;
            }
        }
        // The head may end inside a multi-byte character: drop up to three trailing bytes of one.
        int end = b.length;
        if (b.length == HEAD) {
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) {
                end = end - back - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int at, String expected) {
        return b.length >= at + expected.length()
                && new String(b, at, expected.length(), StandardCharsets.ISO_8859_1).equals(expected);
    }

    private static boolean contains(byte[] b, String needle) {
        return new String(b, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
