package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import de.klammer.portal.concept.ConceptExportService;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/** Every version of the concept with its decision reference, and the written concept of each as PDF and CSV. */
@Route(value = "concept/versions", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ConceptVersionsView extends VerticalLayout implements HasDynamicTitle {

    private static final String PDF = "application/pdf";
    private static final String CSV = "text/csv; charset=UTF-8";

    private final ConceptExportService exports;

    ConceptVersionsView(ConceptService concept, ConceptExportService exports) {
        this.exports = exports;
        setId("concept-versions-view");
        Grid<ConceptVersion> grid = new Grid<>();
        grid.setId("concept-versions");
        grid.setAriaLabel(getTranslation("concept.versions.heading"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ConceptVersion::number).setHeader(getTranslation("concept.versions.number")).setAutoWidth(true);
        grid.addColumn(version -> getTranslation("concept.export.status." + version.status()))
                .setHeader(getTranslation("concept.export.status"))
                .setAutoWidth(true);
        grid.addColumn(version -> version.decisionReference() == null ? "–" : version.decisionReference())
                .setHeader(getTranslation("concept.export.decision"))
                .setAutoWidth(true);
        grid.addColumn(version -> version.appliedAt() == null ? "–" : version.appliedAt().toString())
                .setHeader(getTranslation("concept.export.applied-at"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::createDownloads).setHeader(getTranslation("concept.versions.exports"));
        grid.setItems(concept.versions());
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("concept.versions.heading")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.versions.heading");
    }

    private Component createDownloads(ConceptVersion version) {
        Locale locale = UI.getCurrent() == null ? Locale.GERMAN : UI.getCurrent().getLocale();
        String baseName = "rollenkonzept-v" + version.number();
        return new HorizontalLayout(
                download("concept-version-" + version.number() + "-pdf", getTranslation("concept.export.download-pdf"),
                        baseName + ".pdf", PDF, () -> exports.pdf(version.id(), locale)),
                download("concept-version-" + version.number() + "-csv", getTranslation("concept.export.download-csv"),
                        baseName + ".csv", CSV, () -> exports.csv(version.id())));
    }

    private static Anchor download(
            String id, String text, String fileName, String contentType, SerializableSupplier<byte[]> content) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        return anchor;
    }
}
