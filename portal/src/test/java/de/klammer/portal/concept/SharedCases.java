package de.klammer.portal.concept;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of real public test files, found through the system property {@code klammer.cases.dir}. Tests that use
 * it report themselves skipped where it is absent.
 */
public final class SharedCases {

    private SharedCases() {}

    /** Returns a file inside the cases folder, skipping the calling test when it is absent. */
    public static Path path(String relative) {
        Path root = Path.of(System.getProperty("klammer.cases.dir", "../../shared/cases"));
        assumeTrue(Files.isDirectory(root), "shared cases folder " + root.toAbsolutePath() + " is absent");
        Path file = root.resolve(relative);
        assumeTrue(Files.exists(file), "shared case " + file + " is absent");
        return file;
    }
}
