package de.klammer.portal.security;

import static de.klammer.portal.security.PortalRole.AUDITOR;
import static de.klammer.portal.security.PortalRole.AUTHORITY_ADMIN;
import static de.klammer.portal.security.PortalRole.BOARD_MEMBER;
import static de.klammer.portal.security.PortalRole.CLERK;
import static de.klammer.portal.security.PortalRole.DPO;
import static de.klammer.portal.security.PortalRole.NETWORK_OPERATOR;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Calls every public operation of every portal bean that guards operations with {@code @PreAuthorize}, as a user of
 * each portal role, as a signed-in user without a role and without a sign-in, once for BAMF and once for LDS. A role
 * outside the expected set must get {@link AuthorizationDeniedException} from the guard; a role inside it must pass
 * the guard, after which the operation may fail on the placeholder arguments. Each call runs in a transaction that is
 * rolled back. An operation without an entry in {@link #EXPECTED} fails the test, so a new operation needs a decision.
 */
@IntegrationTest
class AuthorizationMatrixTests {

    /** Marks an operation open to every signed-in user, with or without a portal role. */
    private static final Set<PortalRole> ANY_SIGNED_IN = EnumSet.allOf(PortalRole.class);

    /** Marks a public operation without a guard, which its body or its callers restrict instead. */
    private static final Set<PortalRole> UNGUARDED = EnumSet.noneOf(PortalRole.class);

    private static final Set<PortalRole> READERS = EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN, DPO, AUDITOR);

    private static final Map<String, Set<PortalRole>> EXPECTED = Map.ofEntries(
            entry("AccessReviewService.open", EnumSet.of(AUTHORITY_ADMIN)),
            entry("AccessReviewService.confirm", EnumSet.of(AUTHORITY_ADMIN)),
            entry("AccessReviewService.withdraw", EnumSet.of(AUTHORITY_ADMIN)),
            entry("AccessReviewService.retryRevocation", EnumSet.of(AUTHORITY_ADMIN)),
            entry("AccessReviewService.list", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("AccessReviewService.items", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("AssignmentService.assign", EnumSet.of(AUTHORITY_ADMIN)),
            entry("AssignmentService.validOn", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER, AUDITOR)),
            entry("AssignmentService.check", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER)),
            entry("AssignmentService.enrollmentRole", EnumSet.of(AUTHORITY_ADMIN)),
            entry("AuditVerificationService.verify", EnumSet.of(AUDITOR, DPO)),
            entry("ChannelService.readChannel", READERS),
            entry("ConceptApplyService.proposeDraft", EnumSet.of(BOARD_MEMBER)),
            entry("ConceptApplyService.differencesToApplied", READERS),
            // Drift detection runs on a schedule without a signed-in user. Views call the guarded detectNow.
            entry("ConceptDriftService.detect", UNGUARDED),
            entry("ConceptDriftService.detectNow", READERS),
            entry("ConceptDriftService.openFindings", READERS),
            entry("ConceptDriftService.proposeReconciliation", EnumSet.of(BOARD_MEMBER)),
            entry("ConceptExportService.csv", READERS),
            entry("ConceptExportService.pdf", READERS),
            entry("ConceptImportService.importCsv", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptImportService.importKeycloak", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptPlanService.plan", READERS),
            // Read-only comparison for the scheduled drift detection. Views call the guarded plan.
            entry("ConceptPlanService.compare", UNGUARDED),
            entry("ConceptService.addAuthorityType", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.addSodRule", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.addStatusType", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.addSubProcess", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.editableDraft", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.openDraft", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.saveRole", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.setAuthorityType", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.setRight", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptService.authorityTypes", READERS),
            entry("ConceptService.countMatrix", READERS),
            entry("ConceptService.current", READERS),
            entry("ConceptService.draft", READERS),
            entry("ConceptService.matrix", READERS),
            entry("ConceptService.model", READERS),
            entry("ConceptService.versions", READERS),
            entry("ConceptService.workingVersion", READERS),
            entry("DataSubjectRequestService.fileErasure", EnumSet.of(CLERK, AUTHORITY_ADMIN, DPO)),
            entry("DataSubjectRequestService.fileCorrection", EnumSet.of(CLERK, AUTHORITY_ADMIN, DPO)),
            entry("DataSubjectRequestService.correctPersonRecord", EnumSet.of(AUTHORITY_ADMIN, DPO)),
            entry("DataSubjectRequestService.correctPersonNames", EnumSet.of(AUTHORITY_ADMIN, DPO)),
            entry("DataSubjectRequestService.extend", EnumSet.of(DPO)),
            entry("DataSubjectRequestService.retain", EnumSet.of(DPO)),
            entry("DataSubjectRequestService.acknowledge", EnumSet.of(AUTHORITY_ADMIN, DPO)),
            entry("DataSubjectRequestService.list", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("DataSubjectRequestService.listReceived", EnumSet.of(AUTHORITY_ADMIN, DPO)),
            entry("DataSubjectRequestService.get", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            // Deadline rules are public law (Art. 12(3) GDPR and the public holidays of a state), not personal data.
            entry("DataSubjectRequestService.deadlines", UNGUARDED),
            entry("DecisionRecordService.minutes", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("DecisionRecordService.minutesCsv", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("DecisionRecordService.minutesPdf", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("DecisionRecordService.record", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("DecisionRecordService.recordCsv", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("DecisionRecordService.recordPdf", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("DecisionRuleService.checkAgainstLedger", EnumSet.of(BOARD_MEMBER)),
            entry("DecisionRuleService.listRules", READERS),
            entry("ExternalSignatureService.openSigningSlot", READERS),
            entry("ExternalSignatureService.exportEnvelope", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ExternalSignatureService.exportJson", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ExternalSignatureService.importSignedEnvelope", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("IdentityVaultService.resolve", EnumSet.of(DPO, AUTHORITY_ADMIN)),
            entry("IdentityVaultService.replace", EnumSet.of(DPO, AUTHORITY_ADMIN)),
            // Called only inside the enrolment and erasure flows, which check role and authority themselves.
            entry("IdentityVaultService.store", UNGUARDED),
            entry("IdentityVaultService.contains", UNGUARDED),
            entry("IdentityVaultService.destroy", UNGUARDED),
            entry("LedgerIdentityService.activeCertificates", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("LedgerIdentityService.approve", EnumSet.of(AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.attachCsr", EnumSet.of(CLERK, AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.details", ANY_SIGNED_IN),
            entry("LedgerIdentityService.heldBySignedInUser", ANY_SIGNED_IN),
            entry("LedgerIdentityService.list", ANY_SIGNED_IN),
            entry("LedgerIdentityService.renew", EnumSet.of(AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.requestForPerson", EnumSet.of(AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.requestForSelf", EnumSet.of(CLERK, AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.requestForSystem", EnumSet.of(AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.resume", EnumSet.of(AUTHORITY_ADMIN)),
            entry("LedgerIdentityService.withdraw", EnumSet.of(CLERK, AUTHORITY_ADMIN)),
            entry("NotificationAddressService.available", UNGUARDED),
            entry("NotificationAddressService.current", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationAddressService.delete", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationAddressService.save", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationService.inbox", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationService.unreadCount", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationService.markAllRead", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationService.markRead", EnumSet.of(BOARD_MEMBER)),
            entry("NotificationService.summary", UNGUARDED),
            entry("OnboardingService.authorityTypes", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.discard", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.getDraft", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.listOpenDrafts", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.saveCertificateAuthority", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.saveIdentity", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.saveIdentityProvider", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.saveMspDefinition", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.startDraft", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.submit", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingService.validate", EnumSet.of(NETWORK_OPERATOR)),
            entry("OffboardingService.candidates", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER, NETWORK_OPERATOR)),
            entry("OffboardingService.preview", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER, NETWORK_OPERATOR)),
            entry("OffboardingService.propose", EnumSet.of(BOARD_MEMBER)),
            entry("OffboardingService.list", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER, AUDITOR, NETWORK_OPERATOR)),
            entry("OffboardingService.retryRevocation", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER, NETWORK_OPERATOR)),
            entry("ProposalService.approve", EnumSet.of(BOARD_MEMBER)),
            // Status and reference only, for listeners that run without a signed-in user.
            entry("ProposalService.findSummary", UNGUARDED),
            entry("ProposalService.channel", UNGUARDED),
            entry("ProposalService.getProposal", READERS),
            entry("ProposalService.listProposals", READERS),
            entry("ProposalService.preview", EnumSet.of(BOARD_MEMBER)),
            entry("ProposalService.propose", EnumSet.of(BOARD_MEMBER)),
            entry("ProposalService.proposeConceptVersion", EnumSet.of(BOARD_MEMBER)),
            entry("ProposalService.proposeOnboarding", EnumSet.of(NETWORK_OPERATOR)),
            entry("ProposalService.proposeOffboarding", EnumSet.of(BOARD_MEMBER)),
            entry("ProposalService.proposeRuleChange", EnumSet.of(BOARD_MEMBER)),
            entry("ProposalService.recompute", EnumSet.of(BOARD_MEMBER)),
            // Any signed-in user may try; the proposal's decision rule names the roles that hold a veto.
            entry("ProposalService.veto", ANY_SIGNED_IN),
            entry("ProposalService.vote", EnumSet.of(BOARD_MEMBER)),
            entry("RequestExecutionService.execute", EnumSet.of(DPO)));

    @Autowired
    ApplicationContext context;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void everyOperationHasExpectation() {
        Set<String> discovered = new TreeSet<>(operations().keySet());

        assertThat(discovered)
                .as("public operations of guarded portal beans; add each new one to EXPECTED")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet())
                .as("expectations whose operation no longer exists")
                .isSubsetOf(discovered);
    }

    @Test
    void unguardedOperationsHaveNoGuard() {
        operations().forEach((name, operation) -> {
            boolean guarded = guard(operation.method()) != null;
            assertThat(guarded)
                    .as("%s is marked %s in EXPECTED", name, guarded ? "unguarded but has @PreAuthorize" : "guarded")
                    .isEqualTo(EXPECTED.get(name) != UNGUARDED);
        });
    }

    @TestFactory
    Stream<DynamicTest> guardsEveryOperationByRole() {
        TestUsers users = new TestUsers(authorities, boardMembers);
        List<Caller> callers = callers(users);
        List<DynamicTest> tests = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Set<PortalRole> allowed = EXPECTED.get(name);
            if (allowed == null || allowed == UNGUARDED) {
                return;
            }
            for (Caller caller : callers) {
                tests.add(DynamicTest.dynamicTest(name + " as " + caller.label(), () -> check(operation, caller, allowed)));
            }
        });
        return tests.stream();
    }

    private void check(Operation operation, Caller caller, Set<PortalRole> allowed) {
        if (caller.user() == null) {
            TestUsers.signOut();
        } else {
            TestUsers.signIn(caller.user());
        }
        boolean expectAllowed = caller.user() != null
                && (allowed == ANY_SIGNED_IN || caller.user().roles().stream().anyMatch(allowed::contains));

        Throwable thrown = invokeRolledBack(operation);

        if (expectAllowed) {
            boolean stoppedByGuard = thrown instanceof AuthorizationDeniedException
                    || thrown instanceof AuthenticationCredentialsNotFoundException;
            assertThat(stoppedByGuard)
                    .as("%s must pass the guard for %s, but raised %s", operation.name(), caller.label(), thrown)
                    .isFalse();
        } else if (caller.user() == null) {
            assertThat(thrown)
                    .as("%s must reject a caller without sign-in", operation.name())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        } else {
            assertThat(thrown)
                    .as("%s must deny %s", operation.name(), caller.label())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    private @Nullable Throwable invokeRolledBack(Operation operation) {
        try {
            transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                try {
                    operation.method().invoke(operation.bean(), placeholders(operation.method()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot call " + operation.name(), e);
                } catch (InvocationTargetException e) {
                    throw new InvocationFailure(e.getCause());
                }
            });
            return null;
        } catch (InvocationFailure failure) {
            return failure.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Object[] placeholders(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(AuthorizationMatrixTests::placeholder).toArray();
    }

    private static @Nullable Object placeholder(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == String.class) {
            return "matrix-placeholder";
        }
        if (type == LocalDate.class) {
            return LocalDate.now();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("No placeholder for parameter type " + type);
        }
        return null;
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (String beanName : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(beanName);
            if (type == null) {
                continue;
            }
            Class<?> userClass = ClassUtils.getUserClass(type);
            if (!userClass.getPackageName().startsWith("de.klammer.portal") || !hasGuard(userClass)) {
                continue;
            }
            Object bean = context.getBean(beanName);
            Arrays.stream(userClass.getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers()))
                    .filter(method -> !Modifier.isStatic(method.getModifiers()))
                    .filter(method -> !method.isSynthetic() && !method.isBridge())
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(method -> {
                        String name = userClass.getSimpleName() + "." + method.getName();
                        Operation previous = operations.put(name, new Operation(name, bean, method));
                        if (previous != null && !previous.method().equals(method)) {
                            fail("%s is overloaded; give the overloads separate entries in EXPECTED", name);
                        }
                    });
        }
        return operations;
    }

    private static boolean hasGuard(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class)
                || Arrays.stream(type.getDeclaredMethods()).anyMatch(method -> guard(method) != null);
    }

    private static @Nullable PreAuthorize guard(Method method) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        return onMethod != null
                ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class);
    }

    private static List<Caller> callers(TestUsers users) {
        List<Caller> callers = new ArrayList<>();
        for (String authority : List.of("bamf", "lds")) {
            callers.add(new Caller(authority + " board member", users.boardMember(authority)));
            for (PortalRole role : EnumSet.complementOf(EnumSet.of(BOARD_MEMBER))) {
                callers.add(new Caller(authority + " " + role.name(), users.user(authority, role)));
            }
            callers.add(new Caller(authority + " user without role", users.user(authority)));
        }
        callers.add(new Caller("caller without sign-in", null));
        return callers;
    }

    private record Operation(String name, Object bean, Method method) {}

    private record Caller(String label, @Nullable PortalUser user) {}

    /** Carries the exception of an invoked operation out of the transaction callback. */
    private static final class InvocationFailure extends RuntimeException {

        InvocationFailure(Throwable cause) {
            super(cause);
        }
    }
}
