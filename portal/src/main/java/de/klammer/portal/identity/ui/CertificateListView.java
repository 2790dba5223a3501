package de.klammer.portal.identity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.identity.CertificateExpiryProperties;
import de.klammer.portal.identity.CertificateSummary;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** The active certificates of the user's authority with the days left; those close to expiry are highlighted. */
@Route(value = "certificates", layout = MainLayout.class)
@RolesAllowed({"AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class CertificateListView extends VerticalLayout implements HasDynamicTitle {

    CertificateListView(LedgerIdentityService identities, CertificateExpiryProperties expiry) {
        setId("certificate-list-view");
        add(new H1(getTranslation("identity.certificates.heading")));
        add(new Paragraph(getTranslation("identity.certificates.warning-period", expiry.expiryWarningDays())));
        add(createGrid(identities));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.certificates.heading");
    }

    /** Shows the days left; within the warning period in the error colour and with a word, not by colour alone. */
    private Span daysLeft(CertificateSummary certificate) {
        if (!certificate.expiringSoon()) {
            return new Span(String.valueOf(certificate.daysLeft()));
        }
        Span warning = new Span(getTranslation("identity.certificate.days-left-warning", certificate.daysLeft()));
        warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "bold");
        warning.addClassName("expiring-soon");
        return warning;
    }

    private Grid<CertificateSummary> createGrid(LedgerIdentityService identities) {
        Grid<CertificateSummary> grid = new Grid<>();
        grid.setId("certificate-grid");
        grid.setAriaLabel(getTranslation("identity.certificates.heading"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CertificateSummary::enrollmentId)
                .setHeader(getTranslation("identity.enrollment-id"))
                .setAutoWidth(true);
        grid.addColumn(CertificateSummary::serialHex).setHeader(getTranslation("identity.certificate.serial"));
        grid.addColumn(certificate -> IdentityTexts.dateTime(certificate.notAfter(), getLocale()))
                .setHeader(getTranslation("identity.certificate.not-after"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::daysLeft)
                .setHeader(getTranslation("identity.certificate.days-left"))
                .setAutoWidth(true);
        grid.setItems(identities.activeCertificates());
        grid.setEmptyStateText(getTranslation("identity.certificates.empty"));
        return grid;
    }
}
