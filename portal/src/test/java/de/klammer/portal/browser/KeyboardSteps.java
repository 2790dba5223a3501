package de.klammer.portal.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Drives a {@link PortalBrowser} with the keyboard only: key presses go to the focused element through Selenium's
 * Actions, never to an element picked by a locator. Each focus stop is recorded with whether a focus indicator showed.
 */
public final class KeyboardSteps {

    /**
     * Script helpers on {@code window.klammerFocus}. The focused element is followed into open shadow roots. A stop's
     * name is the id of the nearest element with an id that Vaadin did not generate, crossing shadow boundaries
     * outwards. For the indicator check, the helpers keep the outline and box-shadow of the focused element, of its
     * ancestors up to that element with an id, and of the parts in their shadow roots. After focus has moved on, the
     * indicator counts as visible when one of those styles was set while focused and has changed since.
     */
    private static final String HELPERS = """
            if (!window.klammerFocus) {
              const deepActive = () => {
                let element = document.activeElement;
                while (element && element.shadowRoot && element.shadowRoot.activeElement) {
                  element = element.shadowRoot.activeElement;
                }
                return element;
              };
              // Only ids in the page's own DOM count: Vaadin gives the inputs inside its fields generated ids such as
              // input-vaadin-text-field-3, and the parts inside its shadow roots ids such as header or items.
              const named = node => node.id && !node.id.includes('vaadin-') && node.getRootNode() === document;
              const outward = node => node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement;
              const styled = element => {
                const list = [];
                for (let node = element; node; node = outward(node)) {
                  list.push(node);
                  if (node.shadowRoot) {
                    node.shadowRoot.querySelectorAll('[part]').forEach(part => list.push(part));
                  }
                  if (named(node)) {
                    break;
                  }
                }
                return list;
              };
              // Lumo draws some focus rings, for example a grid cell's, on the ::before pseudo-element.
              const style = element => [null, '::before', '::after'].map(pseudo => {
                const computed = getComputedStyle(element, pseudo);
                const outline = computed.outlineStyle === 'none' || computed.outlineWidth === '0px'
                    ? 'none' : computed.outlineStyle + ' ' + computed.outlineWidth + ' ' + computed.outlineColor;
                return outline + ' | ' + computed.boxShadow;
              }).join(' | ');
              window.klammerFocus = {
                name() {
                  for (let node = deepActive(); node; node = outward(node)) {
                    if (named(node)) {
                      return node.id;
                    }
                  }
                  return '';
                },
                text() {
                  const element = deepActive();
                  if (!element || element === document.body) {
                    return '';
                  }
                  const item = element.closest('vaadin-radio-button, vaadin-checkbox, vaadin-select-item');
                  if (item) {
                    return item.textContent.trim();
                  }
                  const row = element.closest && element.closest('tr');
                  if (row) {
                    return Array.from(row.querySelectorAll('slot'))
                        .flatMap(slot => slot.assignedElements())
                        .map(content => content.textContent.trim())
                        .join(' ');
                  }
                  const root = element.getRootNode();
                  if (root instanceof ShadowRoot) {
                    return root.host.textContent.trim();
                  }
                  return (element.innerText || element.value || '').trim();
                },
                remember() {
                  const elements = styled(deepActive());
                  this.last = {elements, styles: elements.map(style)};
                },
                lastShowedIndicator() {
                  if (!this.last) {
                    return false;
                  }
                  return this.last.elements.some((element, index) => {
                    const focused = this.last.styles[index];
                    return focused !== 'none | none | none | none | none | none' && focused !== style(element);
                  });
                }
              };
            }
            """;

    /** Shift+Tab, for {@link #press}. */
    public static final String SHIFT_TAB = "Shift+Tab";

    private final PortalBrowser browser;
    private final List<FocusStop> stops = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();

    /** A place where focus rested: the name of the focused control and whether its focus indicator showed. */
    public record FocusStop(String name, boolean indicatorVisible) {}

    public KeyboardSteps(PortalBrowser browser) {
        this.browser = browser;
    }

    /**
     * Presses Tab until the focused control has the name, at most {@code maxPresses} times, and returns the stops
     * passed on the way, the target included. Fails naming the stops when the target is not reached.
     */
    public List<FocusStop> tabTo(String name, int maxPresses) {
        return moveUntil(Keys.TAB, focused -> focused.equals(name), "control " + name, maxPresses);
    }

    /** Presses Shift+Tab until the focused control has the name, as {@link #tabTo} does forwards. */
    public List<FocusStop> shiftTabTo(String name, int maxPresses) {
        return moveUntil(SHIFT_TAB, focused -> focused.equals(name), "control " + name, maxPresses);
    }

    /**
     * Presses the key until the text of the focused control contains the text. The text of a radio button or check box
     * is its label, and the text of a grid cell is the text of its whole row.
     */
    public void pressUntilText(Keys key, String text, int maxPresses) {
        for (int i = 0; i < maxPresses; i++) {
            if (focusedText().contains(text)) {
                return;
            }
            press(key);
        }
        if (!focusedText().contains(text)) {
            throw new AssertionError("Pressed " + key.name() + " " + maxPresses + " times without focusing \"" + text
                    + "\"; focus is on " + focusedName() + " with the text \"" + focusedText() + "\"; last keys:\n"
                    + trace());
        }
    }

    /** Sends the keys to whatever has focus, and waits for Vaadin's round trip. */
    public void press(CharSequence... keys) {
        Actions actions = new Actions(browser.driver());
        for (CharSequence key : keys) {
            // Actions.sendKeys types a Keys.chord as separate keys, so Shift is held down explicitly.
            if (key == SHIFT_TAB) {
                actions.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT);
            } else {
                actions.sendKeys(key);
            }
        }
        actions.perform();
        browser.awaitIdle();
        trace.add(describe(keys) + " -> " + focusedName() + " \"" + focusedText() + "\"");
    }

    /** Returns the last key presses with where focus went after each, for failure messages. */
    public String trace() {
        return String.join("\n", trace.subList(Math.max(0, trace.size() - 15), trace.size()));
    }

    /** Returns the name of the focused control, or an empty string when the document body has focus. */
    public String focusedName() {
        return (String) script("return window.klammerFocus.name();");
    }

    /** Returns the text of the focused control, or of all cells of the focused grid row. */
    public String focusedText() {
        return (String) script("return window.klammerFocus.text();");
    }

    /**
     * Checks the focus indicator of the control that has focus now by moving focus away with Tab and back with
     * Shift+Tab, and returns whether its outline or box-shadow changed.
     */
    public boolean indicatorVisibleOnFocused() {
        script("window.klammerFocus.remember();");
        press(Keys.TAB);
        boolean visible = Boolean.TRUE.equals(script("return window.klammerFocus.lastShowedIndicator();"));
        press(SHIFT_TAB);
        return visible;
    }

    /** Returns every focus stop recorded so far, in order. */
    public List<FocusStop> stops() {
        return List.copyOf(stops);
    }

    private List<FocusStop> moveUntil(CharSequence key, Predicate<String> target, String description, int maxPresses) {
        List<FocusStop> passed = new ArrayList<>();
        for (int i = 0; i < maxPresses; i++) {
            script("window.klammerFocus.remember();");
            String before = focusedName();
            press(key);
            FocusStop left = new FocusStop(before,
                    Boolean.TRUE.equals(script("return window.klammerFocus.lastShowedIndicator();")));
            if (i > 0 && !before.isEmpty()) {
                passed.add(left);
            }
            if (target.test(focusedName())) {
                passed.add(new FocusStop(focusedName(), indicatorVisibleOnFocused()));
                stops.addAll(passed);
                return passed;
            }
        }
        throw new AssertionError("Focus did not reach the " + description + " within " + maxPresses
                + " key presses; it passed " + passed.stream().map(FocusStop::name).toList() + "; last keys:\n" + trace());
    }

    private static String describe(CharSequence... keys) {
        List<String> names = new ArrayList<>();
        for (CharSequence key : keys) {
            if (key instanceof Keys named) {
                names.add(named.name());
            } else {
                names.add(key == SHIFT_TAB ? SHIFT_TAB : "text");
            }
        }
        return String.join("+", names);
    }

    private Object script(String body) {
        JavascriptExecutor executor = (JavascriptExecutor) browser.driver();
        return executor.executeScript(HELPERS + body);
    }
}
