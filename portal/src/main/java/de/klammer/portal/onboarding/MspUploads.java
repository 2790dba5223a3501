package de.klammer.portal.onboarding;

import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.MspDefinitions;
import de.klammer.ledger.MspImportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Imports an uploaded MSP definition in one of the {@link MspFormat}s with ledger-admin's {@link MspDefinitions}.
 * Private keys in an upload are skipped, never read.
 */
final class MspUploads {

    /** Largest upload accepted, in bytes; an MSP folder with a configtx.yaml is a few kilobytes. */
    static final int MAX_UPLOAD_BYTES = 1024 * 1024;

    private static final int MAX_ENTRIES = 1000;
    private static final String FIELD = "msp-upload";

    private MspUploads() {}

    /**
     * Imports the upload and checks that it defines {@code expectedMspId}.
     *
     * @param organization the organisation's {@code Name} or {@code ID} in a configtx.yaml; ignored for other formats
     * @throws OnboardingInputException when the upload is too large, cannot be read, or defines another MSP ID
     */
    static ImportedMsp read(
            MspFormat format, String fileName, byte[] upload, @Nullable String organization, String expectedMspId) {
        requireSize(fileName, upload.length);
        ImportedMsp msp;
        try {
            msp = switch (format) {
                case MSP_ZIP -> MspDefinitions.fromZip(
                        new ByteArrayInputStream(upload), MspDefinitions.DEFAULT_SIZE_LIMIT, expectedMspId);
                case CONFIGTX_ZIP -> fromConfigtxZip(fileName, upload, organization);
                case CONFIGTXLATOR_JSON -> MspDefinitions.fromConfigtxlatorJson(
                        new String(upload, StandardCharsets.UTF_8));
            };
        } catch (MspImportException e) {
            throw new OnboardingInputException(FIELD, "The MSP definition in " + fileName + " cannot be imported: "
                    + e.getMessage(), e);
        }
        if (!msp.mspId().equals(expectedMspId)) {
            throw new OnboardingInputException(FIELD, fileName + " defines the MSP ID '" + msp.mspId() + "', but the"
                    + " draft's MSP ID is '" + expectedMspId + "'. Upload the definition of " + expectedMspId
                    + " or change the MSP ID in the first step.");
        }
        return msp;
    }

    /** Rejects an upload larger than {@link #MAX_UPLOAD_BYTES}, naming its size and the limit. */
    static void requireSize(String fileName, long size) {
        if (size > MAX_UPLOAD_BYTES) {
            throw new OnboardingInputException(FIELD, fileName + " has " + size + " bytes, more than the limit of "
                    + MAX_UPLOAD_BYTES + " bytes. Upload only the MSP folder (certificates and config.yaml), without"
                    + " keys, ledgers or binaries.");
        }
    }

    private static ImportedMsp fromConfigtxZip(String fileName, byte[] upload, @Nullable String organization) {
        if (organization == null || organization.isBlank()) {
            throw new OnboardingInputException("msp-organization", "Enter the Name or ID of the organisation in the"
                    + " configtx.yaml of " + fileName + ", for example Org3MSP.");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("klammer-configtx-");
            extract(fileName, upload, folder);
            Path configtx = findConfigtx(fileName, folder);
            return MspDefinitions.fromConfigtxOrganization(configtx, organization.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + fileName + " into a temporary folder", e);
        } finally {
            if (folder != null) {
                deleteQuietly(folder);
            }
        }
    }

    /** Unpacks the zip, refusing entries that leave the folder, too many entries and more than the size limit. */
    private static void extract(String fileName, byte[] upload, Path folder) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new OnboardingInputException(FIELD, fileName + " has more than " + MAX_ENTRIES
                            + " entries; upload only the configtx.yaml and its MSP folder.");
                }
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new OnboardingInputException(FIELD, "The entry '" + entry.getName() + "' of " + fileName
                            + " points outside the zip's folder; pack the files with relative paths.");
                }
                if (entry.isDirectory() || entry.getName().contains("keystore/")) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copyLimited(zip, target, MspDefinitions.DEFAULT_SIZE_LIMIT - total, fileName);
            }
        } catch (ZipException e) {
            throw new OnboardingInputException(FIELD, fileName + " is not a valid zip file: " + e.getMessage()
                    + ". Upload a zip of the configtx.yaml and its MSP folder.", e);
        }
    }

    private static long copyLimited(InputStream in, Path target, long remaining, String fileName) throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        try (var out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > remaining) {
                    throw new OnboardingInputException(FIELD, fileName + " unpacks to more than "
                            + MspDefinitions.DEFAULT_SIZE_LIMIT + " bytes; upload only the configtx.yaml and its MSP"
                            + " folder.");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    private static Path findConfigtx(String fileName, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, 2)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().equals("configtx.yaml"))
                    .sorted(Comparator.comparingInt(Path::getNameCount))
                    .toList();
            if (found.isEmpty()) {
                throw new OnboardingInputException(FIELD, fileName + " contains no configtx.yaml at its top or in one"
                        + " top-level folder; add it next to the MSP folder that its MSPDir names.");
            }
            return found.getFirst();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder holds only public certificates, so it is not worth failing the upload.
        }
    }
}
