package de.klammer.portal.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

/** Application shell: the Lumo theme as a plain style sheet, since Vaadin 25 has no default theme. */
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {}
