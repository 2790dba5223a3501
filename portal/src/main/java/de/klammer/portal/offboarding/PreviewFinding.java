package de.klammer.portal.offboarding;

/**
 * One line of an offboarding preview.
 *
 * @param kind what was found; blocking kinds prevent the proposal
 * @param subject the policy path, ACL, proposal reference or number the line is about
 */
public record PreviewFinding(Kind kind, String subject) {

    /** Kinds of findings, each with its English text for the proposal record. */
    public enum Kind {
        /** No combination of the remaining authorities' identities could satisfy the policy. */
        UNSATISFIABLE_POLICY(true, "Blocking: no combination of identities of the remaining authorities could"
                + " satisfy %s"),
        /** No remaining authority identity could satisfy {@code /Channel/Writers}, so no update could be sent. */
        NO_WRITER(true, "Blocking: %s"),
        /** Another offboarding of the authority is still under vote or revoking. */
        ALREADY_PROPOSED(true, "Blocking: proposal %s already offboards this authority"),
        /** A policy that stays names the leaving organisation, so it loses that alternative. */
        POLICY_NAMES_ORGANIZATION(false, "Warning: %s names the leaving organisation; afterwards only the"
                + " remaining authorities can satisfy it"),
        /** An ACL refers to a policy inside the leaving organisation's group, which is removed with it. */
        ACL_ON_REMOVED_POLICY(false, "Warning: ACL %s refers to a policy of the leaving organisation; peers deny"
                + " that resource afterwards until the ACL is changed"),
        /** Number of the authority's ledger identities that will be revoked or withdrawn. */
        IDENTITIES_TO_END(false, "Note: %s ledger identities of the authority will be revoked or withdrawn");

        private final boolean blocking;
        private final String englishText;

        Kind(boolean blocking, String englishText) {
            this.blocking = blocking;
            this.englishText = englishText;
        }

        public boolean blocking() {
            return blocking;
        }
    }

    public boolean blocking() {
        return kind.blocking();
    }

    /** Returns the line in English, as the proposal stores it. */
    public String describe() {
        return kind.englishText.formatted(subject);
    }
}
