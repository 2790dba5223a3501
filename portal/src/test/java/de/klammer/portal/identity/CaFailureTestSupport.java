package de.klammer.portal.identity;

import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.AssignmentService;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.identity.internal.IdentityCertificateRepository;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Base of the tests that hit CA failures: builds a {@link LedgerIdentityService} on the shared test context's beans
 * with CA steps of the test's choice, and requests and approves system identities as two authority administrators.
 */
abstract class CaFailureTestSupport {

    @Autowired
    LedgerIdentityRepository identities;

    @Autowired
    IdentityCertificateRepository certificates;

    @Autowired
    AssignmentService assignments;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AuditService audit;

    @Autowired
    IdentityActors actors;

    @Autowired
    LedgerIdentityReadModels readModels;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** Returns a service that enrols through the given CA steps instead of the context's own. */
    LedgerIdentityService serviceWith(CaEnrollmentSteps steps) {
        return new LedgerIdentityService(
                identities, certificates, steps, assignments, vault, audit, actors, readModels, events, transactionManager);
    }

    /**
     * Requests a system identity as one administrator of the authority and approves it as a second one, and returns
     * the identity after the approval.
     */
    LedgerIdentityDetails requestAndApprove(
            LedgerIdentityService service,
            String authorityCode,
            LedgerRole role,
            LocalDate validUntil,
            KeySource keySource) {
        TestUsers users = new TestUsers(authorityService, boardMembers);
        PortalUser requester = IdentityTestSupport.user(
                users, authorityCode, "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
        PortalUser approver = IdentityTestSupport.user(
                users, authorityCode, "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
        TestUsers.signIn(requester);
        UUID id = service.requestForSystem(Set.of(role), validUntil, keySource).id();
        TestUsers.signIn(approver);
        return service.approve(id).identity();
    }
}
