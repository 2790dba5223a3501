package de.klammer.portal.governance;

/**
 * A proposal's config update exported for signing with Fabric's own tools.
 *
 * @param fileName suggested file name, for example {@code P-2026-0001-LdsMSP.pb}
 * @param content the marshalled {@code CONFIG_UPDATE} envelope, or its configtxlator JSON as UTF-8
 */
public record SigningExport(String fileName, byte[] content) {

    public SigningExport {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
