package chat.clickclack.users;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /api/me}. A field left out is unchanged; {@code status} is a JSON node so that
 * {@code "status": null} (clear it) is told apart from no status field at all (leave it).
 */
record ProfileChange(String displayName, String handle, String avatarUrl, String avatarUploadId, JsonNode status) {
    boolean isEmpty() {
        return displayName == null && handle == null && avatarUrl == null && avatarUploadId == null && status == null;
    }

    boolean clearsStatus() {
        return status != null && status.isNull();
    }
}
