package chat.clickclack.uploads;

/** A row of the uploads table; {@code storagePath} is relative to data/uploads/ and never leaves the server. */
public record StoredUpload(
        String id,
        String workspaceId,
        String ownerId,
        String filename,
        String contentType,
        long byteSize,
        String sha256,
        Integer width,
        Integer height,
        String storagePath,
        String createdAt) {

    public boolean isImage() {
        return width != null && height != null;
    }

    /** Whether a thumbnail (and an avatar) can be made: a type the JDK decodes, small enough to decode safely. */
    public boolean previewable() {
        return isImage() && Sniffer.DECODABLE.contains(contentType)
                && (long) width * height <= ImageInfo.MAX_PIXELS;
    }

    public Upload view() {
        return new Upload(id, workspaceId, ownerId, filename, contentType, byteSize, sha256, width, height,
                "/api/uploads/" + id, previewable() ? "/api/uploads/" + id + "/thumbnail" : null, createdAt);
    }
}
