package chat.clickclack.uploads;

/**
 * An upload as served: {@code width}/{@code height} for images only, {@code thumbnailUrl} for images a preview
 * can be made of (both omitted otherwise, as the JSON convention has it). {@code url} is server-relative.
 */
public record Upload(
        String id,
        String workspaceId,
        String ownerId,
        String filename,
        String contentType,
        long byteSize,
        String sha256,
        Integer width,
        Integer height,
        String url,
        String thumbnailUrl,
        String createdAt) {}
