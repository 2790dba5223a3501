package de.klammer.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** identity-bridge stays a library: no portal, no Vaadin, no Spring web, in its code or on its class path. */
class ModuleBoundaryTests {

    @Test
    void codeUsesNoPortalVaadinOrSpringWeb() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.klammer.identity");

        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("de.klammer.portal..", "com.vaadin..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
        assertThat(classes).as("classes of identity-bridge").isNotEmpty();
    }

    @Test
    void classPathLacksPortalVaadinAndSpringWeb() {
        List<String> forbidden = List.of(
                "com.vaadin.flow.component.Component",
                "org.springframework.web.bind.annotation.RestController",
                "jakarta.servlet.Servlet",
                "de.klammer.portal.PortalApplication");

        assertThat(forbidden).noneMatch(ModuleBoundaryTests::isLoadable);
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
