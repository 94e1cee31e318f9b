package chat.clickclack.users;

/**
 * Makes an avatar from one of the user's uploads and returns the avatar_url it is served at (400 when the
 * upload is not the user's own usable image). The uploads feature implements it; profiles only store the URL.
 */
@FunctionalInterface
public interface AvatarSource {
    String prepare(String userId, String uploadId);
}
