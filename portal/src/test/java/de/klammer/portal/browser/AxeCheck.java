package de.klammer.portal.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Deque's axe-core (the version bundled in {@code com.deque.html.axe-core:selenium}) on the page that a
 * {@link PortalBrowser} shows, limited to the WCAG 2.0 and 2.1 level A and AA rules. axe descends into open shadow
 * roots, so the insides of Vaadin's web components are checked too.
 */
public final class AxeCheck {

    /** The axe tags of WCAG 2.1 level AA: the level A and AA success criteria of WCAG 2.0 and of WCAG 2.1. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private AxeCheck() {}

    /**
     * Returns the page's violations, one line per rule and element: rule id, impact, target selector and help text.
     * Waits for Vaadin to finish its round trips first. An axe run that fails raises {@link AssertionError}.
     */
    public static List<String> violations(PortalBrowser browser) {
        browser.awaitIdle();
        Results results = new AxeBuilder().withTags(WCAG_21_AA).disableIframeTesting().analyze(browser.driver());
        if (results.isErrored()) {
            throw new AssertionError("axe-core failed on " + browser.currentPath() + ": " + results.getErrorMessage());
        }
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                lines.add("%s [%s] at %s: %s (%s)".formatted(
                        rule.getId(), rule.getImpact(), node.getTarget(), rule.getHelp(), node.getFailureSummary()));
            }
        }
        return lines;
    }
}
