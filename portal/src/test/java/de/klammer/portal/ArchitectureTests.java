package de.klammer.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

class ArchitectureTests {

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.klammer.portal");
    }

    @Test
    void viewsLiveInUiPackages() {
        classes().that()
                .areAnnotatedWith(Route.class)
                .should()
                .resideInAPackage("..ui..")
                .andShould()
                .notBePublic()
                .check(portal);
    }

    @Test
    void onlyUiPackagesUseVaadin() {
        noClasses().that()
                .resideOutsideOfPackages("..ui..", "de.klammer.portal.shell..", "de.klammer.portal.security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .check(portal);
    }

    @Test
    void internalsStayInsideTheirFeature() {
        for (String feature : new String[] {"governance", "authority", "audit"}) {
            noClasses().that()
                    .resideOutsideOfPackage("de.klammer.portal." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("de.klammer.portal." + feature + ".internal..")
                    .check(portal);
        }
    }

    @Test
    void ledgerPortKnowsNoOtherFeature() {
        noClasses().that()
                .resideInAPackage("de.klammer.portal.ledger")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "de.klammer.portal.governance..", "de.klammer.portal.authority..", "de.klammer.portal.audit..")
                .check(portal);
    }

    @Test
    void noClassLogsThroughSystemOut() {
        noClasses().should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(portal);
    }

    /** Several portal instances share one database, so each scheduled job must run under a ShedLock lock. */
    @Test
    void scheduledJobsRunUnderSharedLock() {
        methods().that()
                .areAnnotatedWith(Scheduled.class)
                .should()
                .beAnnotatedWith(SchedulerLock.class)
                .check(portal);
    }
}
