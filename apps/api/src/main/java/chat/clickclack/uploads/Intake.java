package chat.clickclack.uploads;

import chat.clickclack.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Receives the file of a multipart upload into a temp file while counting and hashing it, keeping only its
 * first bytes (for sniffing) in memory. Past the limit it stops reading, deletes the temp file and throws
 * 413; on any other failure the temp file is deleted too, so nothing of a refused upload stays.
 */
final class Intake {
    /** A file fully received into {@code temp}. */
    record Received(Path temp, String filename, long size, String sha256, byte[] head, int headLength) {}

    /** The 413 of an upload past the limit. */
    static final class TooLarge extends ApiException {
        TooLarge(long max) {
            super(413, "file too large (at most " + max + " bytes)");
        }
    }

    private Intake() {}

    static Received receive(InputStream body, String contentType, long max, UploadStorage storage) throws IOException {
        var reader = MultipartReader.of(body, contentType);
        Received received = null;
        try {
            for (var part = reader.next(); part != null; part = reader.next()) {
                if (!part.name().equals("file") || received != null) {
                    continue; // other fields are skipped (a few KiB at most), a second file is ignored
                }
                if (part.filename() == null) {
                    throw new ApiException.Invalid("the form field 'file' must be a file (with a filename)");
                }
                var temp = storage.newTemp();
                try (var sink = new Sink(Files.newOutputStream(temp), max)) {
                    reader.copyBody(sink, Long.MAX_VALUE);
                    received = new Received(temp, filename(part.filename()), sink.count, sink.hash(), sink.head,
                            sink.headLength);
                } catch (IOException | RuntimeException | Error e) {
                    UploadStorage.deleteQuietly(temp);
                    throw e;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            if (received != null) {
                UploadStorage.deleteQuietly(received.temp());
            }
            if (e instanceof IOException io && !(e instanceof java.nio.file.FileSystemException)) {
                // The client went away (or the connection broke) before the body was complete.
                throw new ApiException.Invalid("the upload was interrupted before the whole file arrived: " + io.getMessage());
            }
            throw e;
        }
        if (received == null) {
            throw new ApiException.Invalid("no file: send it in the multipart form field 'file'");
        }
        if (received.size() == 0) {
            UploadStorage.deleteQuietly(received.temp());
            throw new ApiException.Invalid("the file is empty");
        }
        return received;
    }

    /** The name to keep: no path (some browsers send C:\...\x.png), no control characters, at most 255 characters. */
    static String filename(String raw) {
        var name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.codePointCount(0, name.length()) > 255) {
            name = name.substring(0, name.offsetByCodePoints(0, 255));
        }
        return name.isEmpty() ? "file" : name;
    }

    /** Writes through to the file, counting, hashing and keeping the head; throws 413 past {@code max}. */
    private static final class Sink extends OutputStream {
        private final OutputStream out;
        private final long max;
        private final MessageDigest digest;
        final byte[] head = new byte[Sniffer.HEAD];
        int headLength;
        long count;

        Sink(OutputStream out, long max) {
            this.out = out;
            this.max = max;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (count + len > max) {
                throw new TooLarge(max);
            }
            if (headLength < head.length) {
                int n = Math.min(len, head.length - headLength);
                System.arraycopy(b, off, head, headLength, n);
                headLength += n;
            }
            digest.update(b, off, len);
            out.write(b, off, len);
            count += len;
        }

        String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
