package de.klammer.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.concept.MatrixFilter;
import de.klammer.portal.concept.MatrixRow;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalSummary;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.notification.NotificationService;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Checks the read-only JSON endpoints that the load test drives: each returns what the screen's service method
 * returns for the same user, and each rejects the roles that the screen rejects and anonymous requests.
 */
@IntegrationTest
class ScreenApiTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    ConceptService concept;

    @Autowired
    NotificationService notifications;

    MockMvc mvc;
    TestUsers users;

    @BeforeEach
    void buildMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        users = new TestUsers(authorities, boardMembers);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void proposalEndpointsReturnServiceData() throws Exception {
        PortalUser member = users.boardMember("bamf");
        TestUsers.signIn(member);
        ProposalDetails opened = proposals.propose(
                new ProposalTexts("Endorsement by any organisation", "Each authority endorses alone.",
                        "Art. 6(1)(e) GDPR", false),
                new PolicyChange("/Channel/Application/Endorsement", "ANY Endorsement"));
        List<String> expectedIds = proposals.listProposals().stream()
                .map(ProposalSummary::id)
                .map(UUID::toString)
                .toList();
        TestUsers.signOut();

        mvc.perform(get("/api/v1/proposals").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(expectedIds.size())))
                .andExpect(jsonPath("$[*].id", contains(expectedIds.toArray())));
        mvc.perform(get("/api/v1/proposals/{id}", opened.id()).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(opened.id().toString()))
                .andExpect(jsonPath("$.title").value("Endorsement by any organisation"));
    }

    @Test
    void identityEndpointsReturnServiceData() throws Exception {
        PortalUser admin = users.user("bamf", PortalRole.AUTHORITY_ADMIN);
        TestUsers.signIn(admin);
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(6), KeySource.GENERATED);
        List<String> expectedIds = identities.list().stream()
                .map(LedgerIdentityDetails::id)
                .map(UUID::toString)
                .toList();
        TestUsers.signOut();

        assertThat(expectedIds).contains(requested.id().toString());
        mvc.perform(get("/api/v1/identities").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains(expectedIds.toArray())));
        mvc.perform(get("/api/v1/identities/{id}", requested.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(requested.id().toString()))
                .andExpect(jsonPath("$.enrollmentId").value(requested.enrollmentId()));
    }

    @Test
    void matrixEndpointReturnsFirstPage() throws Exception {
        PortalUser member = users.boardMember("bamf");
        String probe = "api-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn(member);
        concept.editableDraft();
        concept.addSubProcess(new SubProcess(probe, "API-Probe"));
        concept.addStatusType(new StatusType(probe + "-status", probe, "API-Status"));
        concept.saveRole(new Role(probe + "-role", "API-Rolle", null, "bamf", List.of()));
        ConceptVersion version = concept.workingVersion();
        MatrixFilter filter = new MatrixFilter(probe, null, null, false);
        List<MatrixRow> rows = concept.matrix(version.id(), filter, 0, 50);
        int total = concept.countMatrix(version.id(), filter);
        TestUsers.signOut();

        assertThat(rows).isNotEmpty();
        mvc.perform(get("/api/v1/concept/matrix").param("search", probe).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.id").value(version.id().toString()))
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.rows[*].roleCode",
                        contains(rows.stream().map(MatrixRow::roleCode).toArray())))
                .andExpect(jsonPath("$.rows[*].statusTypeCode",
                        contains(rows.stream().map(MatrixRow::statusTypeCode).toArray())));
    }

    @Test
    void matrixEndpointRejectsNegativePage() throws Exception {
        PortalUser auditor = users.user("lds", PortalRole.AUDITOR);

        mvc.perform(get("/api/v1/concept/matrix").param("page", "-1").with(as(auditor)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void inboxAndChannelReturnServiceData() throws Exception {
        PortalUser member = users.boardMember("lds");
        TestUsers.signIn(member);
        int unread = notifications.inbox(true).size();
        TestUsers.signOut();

        mvc.perform(get("/api/v1/inbox").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(unread)));
        mvc.perform(get("/api/v1/channel").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizations").isArray());
    }

    @Test
    void auditVerificationReportsIntactChain() throws Exception {
        PortalUser auditor = users.user("lds", PortalRole.AUDITOR);

        mvc.perform(post("/api/v1/audit-trail/verifications").with(as(auditor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstBreak").isEmpty())
                .andExpect(jsonPath("$.headHash").isString());
    }

    @Test
    void endpointsRejectRolesTheScreensReject() throws Exception {
        PortalUser clerk = users.user("bamf", PortalRole.CLERK);
        PortalUser auditor = users.user("lds", PortalRole.AUDITOR);
        PortalUser member = users.boardMember("bamf");

        mvc.perform(get("/api/v1/proposals").with(as(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/concept/matrix").with(as(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/channel").with(as(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inbox").with(as(auditor))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/audit-trail/verifications").with(as(member)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void verificationWithoutCsrfTokenIsRejected() throws Exception {
        PortalUser auditor = users.user("lds", PortalRole.AUDITOR);

        mvc.perform(post("/api/v1/audit-trail/verifications").with(as(auditor)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousRequestsAreNotServed() throws Exception {
        for (String path : List.of("/api/v1/proposals", "/api/v1/identities", "/api/v1/concept/matrix",
                "/api/v1/inbox", "/api/v1/channel", "/api/v1/csrf-token")) {
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();

            assertThat(status).as(path).isIn(302, 401);
        }
    }

    @Test
    void unknownProposalGivesNotFound() throws Exception {
        PortalUser member = users.boardMember("bamf");

        mvc.perform(get("/api/v1/proposals/{id}", UUID.randomUUID()).with(as(member)))
                .andExpect(status().isNotFound());
    }

    private static RequestPostProcessor as(PortalUser user) {
        return authentication(TestUsers.authentication(user));
    }
}
