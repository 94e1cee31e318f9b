package chat.clickclack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** clickclack version. */
@Command(name = "version", description = "Print the version and the Java runtime.",
        footerHeading = "%nExample:%n", footer = "  clickclack version")
public final class VersionCommand implements Runnable {
    @picocli.CommandLine.Mixin
    HelpOption help;

    /** Reads the version stamped into the jar at build time. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"clickclack " + version()};
        }
    }

    public static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/clickclack-version.properties")) {
            if (in == null) {
                return "dev";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public void run() {
        System.out.println("clickclack " + version() + " (Java " + Runtime.version() + ")");
    }
}
