package de.klammer.identity;

/** The German states (Länder) by their ISO 3166-2:DE codes, for state-specific public holidays. */
public enum GermanState {
    BW("Baden-Württemberg"),
    BY("Bayern"),
    BE("Berlin"),
    BB("Brandenburg"),
    HB("Bremen"),
    HH("Hamburg"),
    HE("Hessen"),
    MV("Mecklenburg-Vorpommern"),
    NI("Niedersachsen"),
    NW("Nordrhein-Westfalen"),
    RP("Rheinland-Pfalz"),
    SL("Saarland"),
    SN("Sachsen"),
    ST("Sachsen-Anhalt"),
    SH("Schleswig-Holstein"),
    TH("Thüringen");

    private final String germanName;

    GermanState(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
