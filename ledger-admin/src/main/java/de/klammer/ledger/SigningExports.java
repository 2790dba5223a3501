package de.klammer.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an update exported for signing ({@link ChannelAdmin#exportForSigning}) as configtxlator JSON, so that a
 * signing authority can read what it signs with Fabric's own tool.
 */
public final class SigningExports {

    private static final long TIMEOUT_SECONDS = 60;

    private SigningExports() {}

    /**
     * Runs {@code configtxlator proto_decode --type common.Envelope} of a Fabric installation on the exported
     * envelope and returns its JSON.
     *
     * @param fabricBinaries the folder that contains the {@code configtxlator} binary
     * @throws IllegalStateException when configtxlator fails, exits with an error or takes longer than 60 seconds
     */
    public static String configtxlatorJson(Path fabricBinaries, byte[] exportedEnvelope) {
        Path binary = fabricBinaries.resolve("configtxlator");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("No executable configtxlator at " + binary
                    + "; point to the bin folder of a Fabric installation");
        }
        Path input = null;
        Path output = null;
        try {
            input = Files.createTempFile("klammer-update", ".pb");
            output = Files.createTempFile("klammer-update", ".json");
            Files.write(input, exportedEnvelope);
            Process process = new ProcessBuilder(List.of(binary.toString(), "proto_decode", "--type",
                    "common.Envelope", "--input", input.toString(), "--output", output.toString()))
                    .redirectErrorStream(true)
                    .start();
            String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("configtxlator proto_decode took longer than " + TIMEOUT_SECONDS
                        + " seconds");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("configtxlator proto_decode failed with exit code "
                        + process.exitValue() + ": " + console.strip());
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running configtxlator", e);
        } finally {
            deleteQuietly(input);
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file in the system temp folder is harmless.
        }
    }
}
