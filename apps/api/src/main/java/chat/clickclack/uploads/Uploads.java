package chat.clickclack.uploads;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.messages.Messages;
import chat.clickclack.workspaces.Membership;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The uploads feature's rules: receiving a file, who may read it, previews, attaching to a message later,
 * and the avatar made from one.
 *
 * <p>The order of a new upload is what makes it crash-safe: bytes into tmp/, rename into files/, then the
 * row. A crash before the rename leaves a temp file, after it a file without a row; startup removes both
 * ({@link UploadStorage#reconcile}), so a row always has its file and a file without a row never lasts.
 */
public final class Uploads {
    private final Database db;
    private final UploadStorage storage;
    private final Previews previews;
    private final long maxBytes;

    public Uploads(Database db, UploadStorage storage, long maxBytes) {
        this.db = db;
        this.storage = storage;
        this.previews = new Previews(storage);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Removes what an interrupted upload or delete left behind; call before serving. */
    public int reconcile() {
        return storage.reconcile(db.read(UploadStore::allIds));
    }

    /** Receives the multipart body of {@code POST /api/uploads} and stores it. */
    public Upload create(String userId, String workspaceId, InputStream body, String contentType) {
        db.read(c -> Membership.require(c, workspaceId, userId)); // before a byte of the body is read
        Intake.Received received;
        try {
            received = Intake.receive(body, contentType, maxBytes, storage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an upload", e);
        }
        var type = Sniffer.sniff(received.head(), received.headLength());
        var info = type.startsWith("image/") ? ImageInfo.read(received.temp(), type) : null;
        var id = Ids.next("upl");
        var row = new StoredUpload(id, workspaceId, userId, received.filename(), type, received.size(), received.sha256(),
                info == null ? null : info.width(), info == null ? null : info.height(), UploadStorage.storagePath(id),
                Times.now());
        var target = storage.resolve(row.storagePath());
        try {
            storage.moveIntoPlace(received.temp(), target);
        } catch (IOException e) {
            UploadStorage.deleteQuietly(received.temp());
            throw new UncheckedIOException("cannot store an upload", e);
        }
        try {
            db.write(tx -> {
                Membership.require(tx.connection(), workspaceId, userId); // still a member once the bytes are in
                UploadStore.insert(tx.connection(), row);
                return null;
            });
        } catch (RuntimeException e) {
            UploadStorage.deleteQuietly(target);
            throw e;
        }
        return row.view();
    }

    /** The upload if the user may read it (404 otherwise). */
    public StoredUpload readable(String userId, String uploadId) {
        return db.read(c -> UploadAccess.readable(c, userId, uploadId));
    }

    public Path file(StoredUpload upload) {
        return storage.resolve(upload.storagePath());
    }

    /** The thumbnail of a readable image upload, made on first request; 404 for other files. */
    public Path thumbnail(StoredUpload upload) {
        try {
            var file = previews.thumbnail(upload);
            if (file == null) {
                throw new ApiException.NotFound("thumbnail");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a thumbnail", e);
        }
    }

    /** Someone's avatar file, for the user and their workspace co-members (404 for everyone else). */
    public Path avatar(String viewerId, String uploadId) {
        var upload = db.read(c -> UploadAccess.avatar(c, viewerId, uploadId));
        try {
            return previews.avatar(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make an avatar", e);
        }
    }

    /**
     * Makes the avatar of one of the user's own image uploads (400 for anything else) and returns the
     * avatar_url it is served at. The profile write then points the user at it.
     */
    public String prepareAvatar(String userId, String uploadId) {
        if (uploadId == null || !uploadId.matches("^upl_[0-9A-HJKMNP-TV-Z]{26}$")) {
            throw new ApiException.Invalid("avatar_upload_id must be an upload id (upl_…)");
        }
        var upload = db.read(c -> UploadStore.byId(c, uploadId)).filter(u -> u.ownerId().equals(userId))
                .orElseThrow(() -> new ApiException.Invalid("avatar_upload_id must be one of your own uploads"));
        try {
            previews.avatar(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make an avatar", e);
        }
        return avatarUrl(uploadId);
    }

    public static String avatarUrl(String uploadId) {
        return "/api/avatars/" + uploadId;
    }

    /** Attaches one of the author's uploads to their message; the audience gets message.updated. */
    public Messages.Posted attach(String userId, String messageId, String uploadId) {
        var ids = Attachments.ids(uploadId == null ? null : List.of(uploadId));
        if (ids.isEmpty()) {
            throw new ApiException.Invalid("upload_id is required");
        }
        return db.write(tx -> {
            var c = tx.connection();
            var row = Messages.visible(c, userId, messageId);
            if (!row.authorId().equals(userId)) {
                throw new ApiException.Forbidden("only the author can attach files to a message");
            }
            if (row.isDeleted()) {
                throw new ApiException.Conflict("a deleted message cannot get attachments");
            }
            Attachments.require(c, userId, row.workspaceId(), ids, UploadStore.attachmentCount(c, messageId));
            Attachments.attach(c, messageId, ids, Times.now());
            return Messages.updated(tx, messageId);
        });
    }
}
