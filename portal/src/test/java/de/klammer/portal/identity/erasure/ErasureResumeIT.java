package de.klammer.portal.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import de.klammer.identity.RoleAttribute;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.erasure.ErasureTestSupport.Enrolled;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An erasure interrupted right after the CRL update was broadcast, as a crash would leave it, and resumed: the
 * second run finds the update on the channel and does not broadcast it again.
 */
@LedgerIntegrationTest
class ErasureResumeIT {

    private static final String MSP_ID = "BamfMSP";

    @MockitoSpyBean
    LedgerGateway ledger;

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    RequestExecutionService execution;

    @Autowired
    CertificateAuthorities authorities;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @BeforeEach
    void signInDpo() {
        TestUsers.signIn(new TestUsers(authorityService, boardMembers).user("bamf", PortalRole.DPO));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
        reset(ledger);
    }

    @Test
    void resumesAfterCrashAfterBroadcast() {
        Enrolled person = ErasureTestSupport.enrol(authorities.client(MSP_ID), authorities.settings(MSP_ID).affiliation(),
                List.of(new RoleAttribute("klammer.role", "clerk")));
        int crlsBefore = crlCount();
        RequestSummary filed = requests.fileErasure(person.enrollmentId(), "Art. 17(1)(a) GDPR", LocalDate.now());
        doAnswer(invocation -> {
                    invocation.callRealMethod();
                    throw new LedgerUnavailableException("simulated crash after broadcast");
                })
                .when(ledger)
                .submit(any(), any());

        assertThatExceptionOfType(RequestExecutionException.class)
                .isThrownBy(() -> execution.execute(filed.id()))
                .satisfies(failure -> assertThat(failure.committedStep()).isEqualTo(ExecutionStep.REVOKED_AT_CA));
        RequestSummary interrupted = requests.get(filed.id());
        assertThat(interrupted.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(interrupted.lastError()).contains("simulated crash after broadcast");
        reset(ledger);

        ExecutionResult resumed = execution.execute(filed.id());

        assertThat(resumed.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(resumed.request().lastError()).isNull();
        assertThat(resumed.request().channels()).singleElement()
                .satisfies(progress -> assertThat(progress.blockNumber()).isNotNull());
        verify(ledger, never()).submit(any(), any());
        assertThat(crlCount()).isEqualTo(crlsBefore + 1);
    }

    private int crlCount() {
        return ledger.readChannel(ErasureTestSupport.channel()).organizations().stream()
                .filter(organization -> organization.mspId().equals(MSP_ID))
                .mapToInt(OrganizationView::crlCount)
                .sum();
    }
}
