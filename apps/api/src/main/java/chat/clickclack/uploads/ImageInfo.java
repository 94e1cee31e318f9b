package chat.clickclack.uploads;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's width and height, read from its header only (no pixel is decoded), so a decompression bomb
 * (a tiny file that claims 100,000 × 100,000 pixels) costs nothing here; {@link #MAX_PIXELS} then keeps
 * such an image from ever being decoded for a thumbnail or an avatar.
 */
record ImageInfo(int width, int height) {
    /** Largest image decoded for previews: 50 megapixels (a 8,660 × 5,773 photo), about 200 MB of ARGB at worst. */
    static final long MAX_PIXELS = 50_000_000L;

    /** The dimensions of an image of a sniffed type, or null when it is not an image or its header is unreadable. */
    static ImageInfo read(Path file, String contentType) {
        try {
            if (contentType.equals("image/webp")) {
                return webp(file);
            }
            if (!Sniffer.DECODABLE.contains(contentType)) {
                return null;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                var readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return null;
                }
                var reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return valid(reader.getWidth(0), reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // a corrupt header: the upload is kept as a file without dimensions
        }
    }

    /** WebP's three layouts (lossy VP8, lossless VP8L, extended VP8X) keep the size at fixed offsets. */
    private static ImageInfo webp(Path file) throws IOException {
        var b = new byte[30];
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.read(b) < 30) {
                return null;
            }
        }
        var chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8 " -> valid(u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF);
            case "VP8L" -> {
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                yield valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> valid(u24(b, 24) + 1, u24(b, 27) + 1);
            default -> null;
        };
    }

    private static ImageInfo valid(int width, int height) {
        return width > 0 && height > 0 ? new ImageInfo(width, height) : null;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
