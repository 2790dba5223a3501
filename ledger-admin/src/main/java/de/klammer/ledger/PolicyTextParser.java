package de.klammer.ledger;

import de.klammer.ledger.PolicyRule.Gate;
import de.klammer.ledger.PolicyRule.ImplicitMeta;
import de.klammer.ledger.PolicyRule.NOutOf;
import de.klammer.ledger.PolicyRule.OuPrincipal;
import de.klammer.ledger.PolicyRule.Principal;
import de.klammer.ledger.PolicyRule.Role;
import de.klammer.ledger.PolicyRule.RolePrincipal;
import de.klammer.ledger.PolicyRule.SignedBy;
import de.klammer.ledger.PolicyRule.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses policy text: the implicit-meta form ("MAJORITY Admins") and Fabric's signature DSL with {@code AND},
 * {@code OR} and {@code OutOf} over role principals such as {@code 'BamfMSP.admin'} and organisational-unit
 * principals such as {@code 'BamfMSP.OU(decision)'}.
 */
final class PolicyTextParser {

    private static final Pattern IMPLICIT_META =
            Pattern.compile("(?i)^\\s*(ANY|ALL|MAJORITY)\\s+(?:of\\s+)?([A-Za-z0-9.-]+)\\s*$");
    private static final Pattern PRINCIPAL = Pattern.compile("^([A-Za-z0-9.-]+)\\.(member|admin|client|peer|orderer)$");
    private static final Pattern OU_PRINCIPAL = Pattern.compile("^([A-Za-z0-9.-]+)\\.OU\\(([A-Za-z0-9._-]+)\\)$");

    private final String text;
    private final List<Principal> principals = new ArrayList<>();
    private int position;

    private PolicyTextParser(String text) {
        this.text = text;
    }

    static PolicyRule parse(String text) {
        Matcher implicit = IMPLICIT_META.matcher(text);
        if (implicit.matches()) {
            Threshold threshold = Threshold.valueOf(implicit.group(1).toUpperCase(Locale.ROOT));
            return new ImplicitMeta(threshold, implicit.group(2));
        }
        PolicyTextParser parser = new PolicyTextParser(text);
        Gate gate = parser.gate();
        parser.skipSpaces();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the policy");
        }
        return new PolicyRule.Signature(gate, parser.principals);
    }

    private Gate gate() {
        skipSpaces();
        if (peek() == '\'' || peek() == '"') {
            return principal();
        }
        int nameStart = position;
        String name = word();
        if (!List.of("AND", "OR", "OUTOF").contains(name.toUpperCase(Locale.ROOT))) {
            position = nameStart;
            throw error("unknown keyword '" + name + "', expected ANY, ALL or MAJORITY followed by a policy name, or"
                    + " AND, OR or OutOf followed by quoted principals in brackets");
        }
        expect('(');
        List<Object> arguments = new ArrayList<>();
        int firstArgument = -1;
        do {
            skipSpaces();
            if (firstArgument < 0) {
                firstArgument = position;
            }
            if (Character.isDigit(peek())) {
                arguments.add(number());
            } else {
                arguments.add(gate());
            }
            skipSpaces();
        } while (consume(','));
        expect(')');
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "AND" -> new NOutOf(gates(arguments, name).size(), gates(arguments, name));
            case "OR" -> new NOutOf(1, gates(arguments, name));
            case "OUTOF" -> outOf(arguments, firstArgument);
            default -> throw error("unknown operator '" + name + "', expected AND, OR or OutOf");
        };
    }

    private Gate outOf(List<Object> arguments, int numberPosition) {
        if (arguments.isEmpty() || !(arguments.getFirst() instanceof Integer n)) {
            throw error("OutOf needs a number first, for example OutOf(2, 'A.admin', 'B.admin')");
        }
        List<Gate> rules = gates(arguments.subList(1, arguments.size()), "OutOf");
        if (n < 1 || n > rules.size()) {
            position = numberPosition;
            throw error("OutOf(" + n + ", ...) needs between 1 and " + rules.size() + " as its number");
        }
        return new NOutOf(n, rules);
    }

    private List<Gate> gates(List<Object> arguments, String operator) {
        List<Gate> gates = new ArrayList<>();
        for (Object argument : arguments) {
            if (!(argument instanceof Gate gate)) {
                throw error(operator + " takes principals or nested rules, not the number " + argument);
            }
            gates.add(gate);
        }
        if (gates.isEmpty()) {
            throw error(operator + " needs at least one principal");
        }
        return gates;
    }

    private Gate principal() {
        char quote = text.charAt(position++);
        int end = text.indexOf(quote, position);
        if (end < 0) {
            throw error("unterminated principal");
        }
        String value = text.substring(position, end);
        position = end + 1;
        Matcher unit = OU_PRINCIPAL.matcher(value);
        if (unit.matches()) {
            principals.add(new OuPrincipal(unit.group(1), unit.group(2)));
            return new SignedBy(principals.size() - 1);
        }
        Matcher matcher = PRINCIPAL.matcher(value);
        if (!matcher.matches()) {
            throw error("invalid principal '" + value + "', expected MSPID.role with role member, admin, client,"
                    + " peer or orderer, or MSPID.OU(unit) such as BamfMSP.OU(decision)");
        }
        Role role = Role.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
        principals.add(new RolePrincipal(matcher.group(1), role));
        return new SignedBy(principals.size() - 1);
    }

    private String word() {
        int start = position;
        while (position < text.length() && Character.isLetter(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error("expected AND, OR, OutOf or a quoted principal");
        }
        return text.substring(start, position);
    }

    private int number() {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        return Integer.parseInt(text.substring(start, position));
    }

    private void expect(char expected) {
        skipSpaces();
        if (!consume(expected)) {
            throw error("expected '" + expected + "'");
        }
    }

    private boolean consume(char expected) {
        skipSpaces();
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Invalid policy '" + text + "' at character " + (position + 1) + ": "
                + problem + ". Write for example 'ANY Endorsement', 'MAJORITY Admins' or"
                + " \"OutOf(2, 'BamfMSP.admin', 'LdsMSP.admin')\"");
    }
}
