package chat.clickclack.client;

import chat.clickclack.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles in {@code $XDG_CONFIG_HOME/clickclack/config.json} (else {@code ~/.config/clickclack/config.json}):
 * <pre>{"current": "default", "profiles": {"default": {"url": …, "token": …, "workspace": "wsp_…"}}}</pre>
 *
 * <p>The file holds bearer tokens, so it is readable by its owner only: the directory is 0700 and the file 0600,
 * written to a temporary file created with those permissions and moved into place, so no other user can read it
 * even for a moment and a crash never leaves half a file. (On a file system without POSIX permissions the
 * platform's defaults apply.)
 */
public final class ProfileStore {
    public static final String DEFAULT_PROFILE = "default";
    private static final String FILE_NAME = "config.json";

    private final Path directory;

    ProfileStore(Path directory) {
        this.directory = directory;
    }

    /** The store the environment names: XDG_CONFIG_HOME when set, else ~/.config. */
    public static ProfileStore fromEnvironment(Map<String, String> env) {
        var xdg = env.get("XDG_CONFIG_HOME");
        var base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ProfileStore(base.resolve("clickclack"));
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The profile {@code login} last saved (or "default"). */
    public String currentName() {
        var current = read().path("current").asText("");
        return current.isBlank() ? DEFAULT_PROFILE : current;
    }

    public Optional<Profile> load(String name) {
        var saved = read().path("profiles").path(name);
        if (!saved.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Profile(saved.path("url").asText(null), saved.path("token").asText(null),
                saved.path("workspace").asText(null)));
    }

    /** Saves the profile and makes it the current one. */
    public void save(String name, Profile profile) {
        var config = read();
        config.put("current", name);
        var entry = config.with("profiles").putObject(name);
        entry.put("url", profile.url());
        entry.put("token", profile.token());
        if (profile.workspace() != null) {
            entry.put("workspace", profile.workspace());
        }
        write(config);
    }

    /** Forgets a profile; false when there was none by that name. */
    public boolean remove(String name) {
        var config = read();
        var profiles = config.with("profiles");
        if (profiles.remove(name) == null) {
            return false;
        }
        if (config.path("current").asText("").equals(name)) {
            config.remove("current");
        }
        write(config);
        return true;
    }

    private ObjectNode read() {
        var file = file();
        if (!Files.isRegularFile(file)) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            var node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw ClientException.error("cannot read " + file + ": " + e.getMessage());
        }
        throw ClientException.error(file + " is not a JSON object; fix or delete it, then log in again");
    }

    private void write(ObjectNode config) {
        try {
            createPrivateDirectory();
            var temp = ownerOnlyTempFile();
            Files.writeString(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ClientException.error("cannot write " + file() + ": " + e.getMessage());
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (!posix()) {
            Files.createDirectories(directory);
            return;
        }
        var ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        // An existing directory (made by another tool, or before) is narrowed too: it holds tokens from now on.
        Files.setPosixFilePermissions(directory, ownerOnly);
    }

    private Path ownerOnlyTempFile() throws IOException {
        if (!posix()) {
            return Files.createTempFile(directory, FILE_NAME, ".tmp");
        }
        return Files.createTempFile(directory, FILE_NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
