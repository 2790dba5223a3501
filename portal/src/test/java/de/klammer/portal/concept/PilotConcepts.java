package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A realistic concept for tests: three sub-processes, sixteen status types, seven roles and three authorities
 * (BAMF, LDS and a municipal foreigners' office that is not on the channel).
 */
final class PilotConcepts {

    static final List<AuthorityEntry> AUTHORITIES = List.of(
            new AuthorityEntry("bamf", "BamfMSP", "federal"),
            new AuthorityEntry("lds", "LdsMSP", "state"),
            new AuthorityEntry("abh-dresden", "AbhDresdenMSP", "municipal"));

    static final List<SubProcess> SUB_PROCESSES = List.of(
            new SubProcess("registration", "Registrierung, Aktenanlage, Anhörung"),
            new SubProcess("allocation", "Zuweisung"),
            new SubProcess("decision", "Entscheidung und Vollzug"));

    static final List<StatusType> STATUS_TYPES = List.of(
            new StatusType("registered", "registration", "Registriert"),
            new StatusType("identity-checked", "registration", "Identität geprüft"),
            new StatusType("file-created", "registration", "Akte angelegt"),
            new StatusType("hearing-scheduled", "registration", "Anhörung terminiert"),
            new StatusType("hearing-held", "registration", "Anhörung durchgeführt"),
            new StatusType("allocation-requested", "allocation", "Zuweisung beantragt"),
            new StatusType("allocated", "allocation", "Zugewiesen"),
            new StatusType("transfer-scheduled", "allocation", "Transfer geplant"),
            new StatusType("arrived", "allocation", "Angekommen"),
            new StatusType("decision-issued", "decision", "Bescheid erlassen"),
            new StatusType("decision-served", "decision", "Bescheid zugestellt"),
            new StatusType("appeal-filed", "decision", "Klage erhoben"),
            new StatusType("appeal-decided", "decision", "Klage entschieden"),
            new StatusType("departure-deadline-set", "decision", "Ausreisefrist gesetzt"),
            new StatusType("return-initiated", "decision", "Rückführung eingeleitet"),
            new StatusType("returned", "decision", "Ausgereist"));

    private PilotConcepts() {}

    static List<Role> roles() {
        return List.of(
                new Role("status-reader", "Statusleser", "federal", null, List.of()),
                new Role("registration-clerk", "Registrierung", "federal", null, List.of("status-reader")),
                new Role("hearing-officer", "Anhörer", "federal", null, List.of("status-reader")),
                new Role("decision-officer", "Entscheider", "federal", null, List.of("status-reader")),
                new Role("allocation-clerk", "Zuweisung", "state", null, List.of()),
                new Role("return-officer", "Rückführung", null, "lds", List.of("allocation-clerk")),
                new Role("foreigners-office-clerk", "Ausländerbehörde", "municipal", null, List.of()));
    }

    static Set<Right> rights() {
        Set<Right> rights = new HashSet<>();
        for (StatusType statusType : STATUS_TYPES) {
            rights.add(new Right("status-reader", statusType.code(), Action.READ));
        }
        rights.add(new Right("registration-clerk", "registered", Action.WRITE));
        rights.add(new Right("registration-clerk", "identity-checked", Action.WRITE));
        rights.add(new Right("registration-clerk", "file-created", Action.WRITE));
        rights.add(new Right("hearing-officer", "hearing-scheduled", Action.WRITE));
        rights.add(new Right("hearing-officer", "hearing-held", Action.WRITE));
        rights.add(new Right("decision-officer", "decision-issued", Action.WRITE));
        rights.add(new Right("decision-officer", "decision-served", Action.WRITE));
        rights.add(new Right("allocation-clerk", "allocation-requested", Action.READ));
        rights.add(new Right("allocation-clerk", "allocated", Action.WRITE));
        rights.add(new Right("allocation-clerk", "transfer-scheduled", Action.WRITE));
        rights.add(new Right("allocation-clerk", "decision-issued", Action.READ));
        rights.add(new Right("return-officer", "departure-deadline-set", Action.WRITE));
        rights.add(new Right("return-officer", "return-initiated", Action.WRITE));
        rights.add(new Right("return-officer", "appeal-filed", Action.READ));
        rights.add(new Right("foreigners-office-clerk", "arrived", Action.WRITE));
        return rights;
    }

    static List<SodRule> sodRules() {
        return List.of(
                new SodRule("decision-officer", "hearing-officer", "decision",
                        "Wer anhört, entscheidet nicht über denselben Antrag."),
                new SodRule("decision-officer", "return-officer", null,
                        "Entscheidung und Vollzug liegen in verschiedenen Händen."));
    }

    static ConceptModel realistic() {
        return new ConceptModel(AUTHORITIES, SUB_PROCESSES, STATUS_TYPES, roles(), rights(), sodRules());
    }
}
