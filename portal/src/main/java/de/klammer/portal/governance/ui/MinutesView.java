package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.governance.DecisionRecordService;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Locale;

/** Downloads the minutes of a period, every decision record in it, as PDF or CSV. */
@Route(value = "minutes", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUDITOR"})
@AccessDeniedErrorRouter
class MinutesView extends VerticalLayout implements HasDynamicTitle {

    private final DecisionRecordService records;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final HorizontalLayout links = new HorizontalLayout();
    private final Paragraph error = new Paragraph();

    MinutesView(DecisionRecordService records) {
        this.records = records;
        setId("minutes-view");
        LocalDate today = LocalDate.now(DecisionRecordService.ZONE);
        from.setId("minutes-from");
        from.setLabel(getTranslation("governance.minutes.from"));
        from.setValue(today.withDayOfMonth(1));
        from.setRequiredIndicatorVisible(true);
        to.setId("minutes-to");
        to.setLabel(getTranslation("governance.minutes.to"));
        to.setValue(today);
        to.setRequiredIndicatorVisible(true);
        from.addValueChangeListener(event -> updateLinks());
        to.addValueChangeListener(event -> updateLinks());
        error.setId("minutes-error");
        add(new H1(getTranslation("governance.minutes.heading")), new Paragraph(getTranslation("governance.minutes.intro")),
                new HorizontalLayout(from, to), links, error);
        updateLinks();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("governance.minutes.title");
    }

    private void updateLinks() {
        links.removeAll();
        error.setText("");
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start == null || end == null) {
            error.setText(getTranslation("governance.minutes.dates-required"));
            return;
        }
        if (end.isBefore(start)) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("governance.minutes.end-before-start", end, start));
            return;
        }
        to.setInvalid(false);
        Locale locale = getLocale();
        String name = "minutes-" + start + "-" + end;
        links.add(
                Downloads.link("download-minutes-pdf", getTranslation("governance.record.download-pdf"), name + ".pdf",
                        Downloads.PDF, () -> records.minutesPdf(start, end, locale)),
                Downloads.link("download-minutes-csv", getTranslation("governance.record.download-csv"), name + ".csv",
                        Downloads.CSV, () -> records.minutesCsv(start, end)));
    }
}
