package de.klammer.portal.concept;

import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The signed-in user as an editor of the concept, known by a pseudonym only, and who may edit what. */
@Component
class ConceptActors {

    private final CurrentUser currentUser;
    private final ConceptProperties properties;

    ConceptActors(CurrentUser currentUser, ConceptProperties properties) {
        this.currentUser = currentUser;
        this.properties = properties;
    }

    /**
     * A signed-in user of an authority.
     *
     * @param pseudonym the board-member pseudonym, or {@code user-} and a prefix of the SHA-256 of issuer and subject
     */
    record Actor(String pseudonym, UUID authorityId, String authorityCode, String mspId, PortalUser user) {}

    /**
     * Returns the signed-in user.
     *
     * @throws IllegalStateException when the user belongs to no authority
     */
    Actor current() {
        PortalUser user = currentUser.require();
        PortalUser.AuthorityRef authority = user.authority();
        if (authority == null) {
            throw new IllegalStateException("The signed-in user belongs to no configured authority");
        }
        return new Actor(UserPseudonyms.of(user), authority.id(), authority.code(), authority.mspId(), user);
    }

    /** Returns whether the user is an authority administrator of the network operator. */
    boolean isOperatorAdmin(Actor actor) {
        return actor.user().hasRole(PortalRole.AUTHORITY_ADMIN) && actor.mspId().equals(properties.operatorMspId());
    }

    /**
     * Returns the actor when they may edit the catalogue: board members of any authority, because the board decides
     * the concept, and authority administrators of the network operator, who run the network.
     *
     * @throws ConceptAccessDeniedException otherwise
     */
    Actor requireCatalogueEditor() {
        Actor actor = current();
        if (!actor.user().hasRole(PortalRole.BOARD_MEMBER) && !isOperatorAdmin(actor)) {
            throw new ConceptAccessDeniedException("Only board members and administrators of the network operator ("
                    + properties.operatorMspId() + ") may change the concept");
        }
        return actor;
    }
}
