package de.klammer.portal.ledger;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the Fabric adapter's configuration out of the component scan, so that tests and the test-run demo use the
 * in-memory ledger and need no Fabric network or admin key files.
 */
public class FabricLedgerExcludeFilter extends TypeExcludeFilter {

    private static final String FABRIC_CONFIGURATION = "de.klammer.portal.ledger.LedgerConfiguration";

    @Override
    public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
        return FABRIC_CONFIGURATION.equals(metadataReader.getClassMetadata().getClassName());
    }

    @Override
    public boolean equals(Object other) {
        return other != null && getClass() == other.getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
