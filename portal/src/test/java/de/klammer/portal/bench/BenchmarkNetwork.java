package de.klammer.portal.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads the network descriptor that {@code ./klammer bench} passes as {@code -Dklammer.network.descriptor}. */
final class BenchmarkNetwork {

    private BenchmarkNetwork() {}

    static Properties descriptor() {
        String location = System.getProperty("klammer.network.descriptor");
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("No running Fabric network: set -Dklammer.network.descriptor or run the"
                    + " benchmarks with ./klammer bench");
        }
        Properties network = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(location))) {
            network.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the network descriptor " + location, e);
        }
        return network;
    }

    /** Returns a whole-number system property, or the default when it is not set. */
    static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + name + " is '" + value
                    + "', which is not a whole number; pass for example -D" + name + "=" + defaultValue, e);
        }
    }
}
