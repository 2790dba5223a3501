package de.klammer.portal.concept;

import de.klammer.portal.concept.internal.ConceptStore;
import de.klammer.portal.shell.TranslationProvider;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exports a concept version as the written role and rights concept, as PDF and as CSV. */
@Service
@Transactional(readOnly = true)
public class ConceptExportService {

    private final ConceptStore store;
    private final TranslationProvider translations;

    ConceptExportService(ConceptStore store, TranslationProvider translations) {
        this.store = store;
        this.translations = translations;
    }

    /**
     * Renders the version as PDF with labels in {@code locale}.
     *
     * @throws ConceptRuleViolationException when the version does not exist
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    public byte[] pdf(UUID versionId, Locale locale) {
        return new ConceptVersionPdf(translations, locale).render(document(versionId));
    }

    /**
     * Renders the version as CSV.
     *
     * @throws ConceptRuleViolationException when the version does not exist
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    public byte[] csv(UUID versionId) {
        return ConceptVersionCsv.render(document(versionId));
    }

    private ConceptDocument document(UUID versionId) {
        ConceptVersion version = store.version(versionId)
                .orElseThrow(() -> new ConceptRuleViolationException("Concept version " + versionId
                        + " does not exist"));
        int basedOn = version.basedOn() == null
                ? 0
                : store.version(version.basedOn()).map(ConceptVersion::number).orElse(0);
        return new ConceptDocument(version, basedOn, store.load(versionId));
    }
}
