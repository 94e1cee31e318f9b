package chat.clickclack.uploads;

import chat.clickclack.http.ApiException;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.stream.ImageInputStream;

/**
 * Thumbnails and avatars, made with the JDK's own ImageIO and Java2D: PNG, JPEG and GIF decode without a
 * dependency, and the reader's source subsampling decodes a big photo straight at a fraction of its size,
 * so a 24-megapixel JPEG becomes a thumbnail without 96 MB of pixels in the heap. (WebP would need
 * TwelveMonkeys' plugin; WebP uploads are shown as themselves, without a thumbnail.) Each preview is made
 * once, written through a temp file and an atomic rename, and served from disk from then on.
 *
 * <p>Decompression bombs: the dimensions come from the header first ({@link ImageInfo}); nothing over
 * {@link ImageInfo#MAX_PIXELS} is decoded, and at most two previews are decoded at once.
 */
final class Previews {
    static final int THUMBNAIL_MAX = 400;
    static final int AVATAR_SIZE = 256;
    private static final Semaphore DECODING = new Semaphore(2);

    private final UploadStorage storage;

    Previews(UploadStorage storage) {
        this.storage = storage;
    }

    /** The thumbnail file of an image upload (made now if it is not yet), or null when it cannot have one. */
    Path thumbnail(StoredUpload upload) throws IOException {
        if (!upload.previewable()) {
            return null;
        }
        var extension = upload.contentType().equals("image/jpeg") ? "jpg" : "png";
        var target = storage.thumbnail(upload.id(), extension);
        if (Files.exists(target)) {
            return target;
        }
        double scale = Math.min(1.0, (double) THUMBNAIL_MAX / Math.max(upload.width(), upload.height()));
        int w = Math.max(1, (int) Math.round(upload.width() * scale));
        int h = Math.max(1, (int) Math.round(upload.height() * scale));
        var source = decode(storage.resolve(upload.storagePath()), null, Math.max(upload.width(), upload.height()),
                Math.max(w, h));
        if (source == null) {
            return null;
        }
        var opaque = extension.equals("jpg");
        write(scaled(source, w, h, opaque), extension, target);
        return target;
    }

    /** Makes the 256 × 256 avatar of an image upload: its centred square, scaled. 400 when it is not a usable image. */
    Path avatar(StoredUpload upload) throws IOException {
        if (!upload.previewable()) {
            throw new ApiException.Invalid("avatar_upload_id must be a PNG, JPEG or GIF image of at most "
                    + ImageInfo.MAX_PIXELS / 1_000_000 + " megapixels");
        }
        var target = storage.avatar(upload.id());
        if (Files.exists(target)) {
            return target;
        }
        int side = Math.min(upload.width(), upload.height());
        var square = new Rectangle((upload.width() - side) / 2, (upload.height() - side) / 2, side, side);
        var source = decode(storage.resolve(upload.storagePath()), square, side, AVATAR_SIZE);
        if (source == null) {
            throw new ApiException.Invalid("the avatar image cannot be decoded");
        }
        write(scaled(source, AVATAR_SIZE, AVATAR_SIZE, false), "png", target);
        return target;
    }

    /**
     * Decodes (a region of) an image at about twice the size it will be drawn at: the reader skips the
     * other pixels, which bounds both memory and time. Null when the file does not decode.
     */
    private static BufferedImage decode(Path file, Rectangle region, int longSide, int targetLongSide) throws IOException {
        int step = Math.max(1, longSide / (2 * targetLongSide));
        DECODING.acquireUninterruptibly();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                if (region != null) {
                    param.setSourceRegion(region);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // a corrupt image: no preview
        } finally {
            DECODING.release();
        }
    }

    private static BufferedImage scaled(BufferedImage source, int w, int h, boolean opaque) {
        var out = new BufferedImage(w, h, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        var g = out.createGraphics();
        try {
            if (opaque) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private void write(BufferedImage image, String format, Path target) throws IOException {
        var temp = storage.newTemp();
        try {
            if (!ImageIO.write(image, format, temp.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
            storage.moveIntoPlace(temp, target);
        } finally {
            UploadStorage.deleteQuietly(temp);
        }
    }
}
