package de.klammer.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ledger-admin stays a library: no portal, no Vaadin, no Spring web, in its code or on its class path. */
class ModuleBoundaryTests {

    private static final List<String> FORBIDDEN_CLASSES = List.of(
            "com.vaadin.flow.component.Component",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.servlet.DispatcherServlet",
            "jakarta.servlet.Servlet",
            "de.klammer.portal.PortalApplication");

    @Test
    void codeUsesNoPortalVaadinOrSpringWeb() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.klammer.ledger");

        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("de.klammer.portal..", "com.vaadin..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
        assertThat(classes).isNotEmpty();
    }

    @Test
    void classPathLacksPortalVaadinAndSpringWeb() {
        for (String name : FORBIDDEN_CLASSES) {
            assertThat(isLoadable(name)).as(name + " on the class path of ledger-admin").isFalse();
        }
    }

    private static boolean isLoadable(String name) {
        try {
            Class.forName(name, false, ModuleBoundaryTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
