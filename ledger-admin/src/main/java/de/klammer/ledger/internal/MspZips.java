package de.klammer.ledger.internal;

import de.klammer.ledger.MspImportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Reads the entries of an uploaded zip into memory, rejecting path traversal and oversized content. */
public final class MspZips {

    private MspZips() {}

    /**
     * Returns the file entries by their path inside the zip.
     *
     * @param sizeLimit maximum uncompressed bytes over all entries, counted while reading rather than trusted from
     *     the entry headers
     * @param maxEntries maximum number of entries, directories included
     */
    public static Map<String, byte[]> read(InputStream zip, long sizeLimit, int maxEntries) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (++entries > maxEntries) {
                    throw new MspImportException("The zip has more than " + maxEntries + " entries (at '" + name
                            + "'); an MSP folder holds only a few certificates");
                }
                requireSafeName(name);
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > sizeLimit) {
                        throw new MspImportException("The zip unpacks to more than " + sizeLimit + " bytes (at entry '"
                                + name + "'); an MSP folder holds only certificates, CRLs and config.yaml");
                    }
                    content.write(buffer, 0, read);
                }
                if (files.put(name, content.toByteArray()) != null) {
                    throw new MspImportException("The zip contains the entry '" + name + "' twice; pack the MSP"
                            + " folder again");
                }
            }
        } catch (ZipException e) {
            throw new MspImportException("The upload is not a valid zip: " + e.getMessage()
                    + ". Pack the MSP folder with zip or a file manager", e);
        } catch (IOException e) {
            throw new MspImportException("Cannot read the zip: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new MspImportException("The zip contains no files; pack the MSP folder with its cacerts/ folder");
        }
        return files;
    }

    private static void requireSafeName(String name) {
        boolean unsafe = name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains(":")
                || name.contains("\0")
                || java.util.Arrays.asList(name.split("/")).contains("..");
        if (unsafe) {
            throw new MspImportException("The zip entry '" + name + "' points outside the MSP folder (absolute path,"
                    + " drive letter, backslash or '..'); pack the folder with relative paths only");
        }
    }
}
