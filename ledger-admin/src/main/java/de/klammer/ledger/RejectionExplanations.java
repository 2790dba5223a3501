package de.klammer.ledger;

/** Turns the orderer's rejection messages into plain explanations with the usual fix. */
final class RejectionExplanations {

    private RejectionExplanations() {}

    static String explain(String ordererMessage) {
        if (ordererMessage.contains("not satisfied")) {
            return "not enough valid admin signatures for a policy the update touches: collect the missing"
                    + " organisations' admin signatures and submit again";
        }
        if (ordererMessage.contains("proposed update requires that key") || ordererMessage.contains("but key is at version")
                || ordererMessage.contains("but was in the read set")) {
            return "the channel config changed since this update was computed: recompute it from the current config"
                    + " and collect the signatures again";
        }
        if (ordererMessage.contains("delta set was empty") || ordererMessage.contains("no differences")) {
            return "the update changes nothing on the channel";
        }
        if (ordererMessage.contains("ConfigUpdate for channel")) {
            return "the update names another channel than the one it was sent to";
        }
        if (ordererMessage.contains("permission denied") || ordererMessage.contains("implicit policy evaluation failed")) {
            return "the submitting identity does not satisfy /Channel/Writers";
        }
        if (ordererMessage.contains("expired")) {
            return "the submitting identity's certificate has expired";
        }
        return "the orderer refused the update; see its message for the element and rule concerned";
    }
}
