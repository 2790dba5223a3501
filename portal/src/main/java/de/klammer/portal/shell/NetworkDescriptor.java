package de.klammer.portal.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code network.properties} file that {@code ./klammer network start} writes for the local network: orderer
 * address, TLS roots, CAs and test identities. The demo and the tests read the ledger and CA settings from it.
 */
public final class NetworkDescriptor {

    private final Path file;
    private final Properties properties;

    private NetworkDescriptor(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /**
     * Reads a descriptor file.
     *
     * @throws IllegalStateException when the file cannot be read, naming the command that writes it
     */
    public static NetworkDescriptor read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the network descriptor " + file.toAbsolutePath()
                    + "; start the network with './klammer network start': " + e.getMessage(), e);
        }
        return new NetworkDescriptor(file, properties);
    }

    /**
     * Returns the value of a key.
     *
     * @throws IllegalStateException when the descriptor has no such key
     */
    public String value(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("The network descriptor " + file.toAbsolutePath() + " has no entry '" + key
                    + "'; restart the network with './klammer network start' to rewrite it");
        }
        return value;
    }

    /** Returns the value of a key, or {@code fallback} when the descriptor has none. */
    public String value(String key, String fallback) {
        return properties.getProperty(key, fallback);
    }
}
