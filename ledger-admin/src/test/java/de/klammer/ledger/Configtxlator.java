package de.klammer.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs Fabric's own {@code configtxlator} binary, the reference the decoder is checked against. */
final class Configtxlator {

    private Configtxlator() {}

    /** Encodes configtxlator JSON of the given type into the marshalled message. */
    static byte[] protoEncode(Path binaries, Path json, String type) throws IOException, InterruptedException {
        Path output = Files.createTempFile("klammer-block", ".pb");
        try {
            Process process = new ProcessBuilder(
                            binaries.resolve("configtxlator").toString(),
                            "proto_encode",
                            "--type", type,
                            "--input", json.toString(),
                            "--output", output.toString())
                    .redirectErrorStream(true)
                    .start();
            String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("configtxlator proto_encode failed: " + console);
            }
            return Files.readAllBytes(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Decodes a marshalled message of the given type into configtxlator's JSON. */
    static String protoDecode(Path binaries, byte[] message, String type) throws IOException, InterruptedException {
        Path input = Files.createTempFile("klammer-block", ".pb");
        Path output = Files.createTempFile("klammer-block", ".json");
        try {
            Files.write(input, message);
            Process process = new ProcessBuilder(
                            binaries.resolve("configtxlator").toString(),
                            "proto_decode",
                            "--type", type,
                            "--input", input.toString(),
                            "--output", output.toString())
                    .redirectErrorStream(true)
                    .start();
            String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("configtxlator proto_decode failed: " + console);
            }
            return Files.readString(output);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }
}
