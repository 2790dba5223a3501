package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.onboarding.OnboardingDraft;
import de.klammer.portal.onboarding.OnboardingService;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;

/** Open onboarding drafts, each with its step and a button to resume it, and the start of a new draft. */
@Route(value = "onboarding", layout = MainLayout.class)
@RolesAllowed("NETWORK_OPERATOR")
@AccessDeniedErrorRouter
class OnboardingDraftListView extends VerticalLayout implements HasDynamicTitle {

    OnboardingDraftListView(OnboardingService service) {
        setId("onboarding-draft-list-view");
        Button start = new Button(getTranslation("onboarding.drafts.new"), event -> {
            OnboardingDraft draft = service.startDraft();
            getUI().ifPresent(ui -> ui.navigate(OnboardingWizardView.class, draft.id().toString()));
        });
        start.setId("onboarding-new");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("onboarding.drafts.heading")), new Paragraph(getTranslation(
                "onboarding.drafts.explanation")), start);

        List<OnboardingDraft> drafts = service.listOpenDrafts();
        if (drafts.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("onboarding.drafts.empty"));
            empty.setId("onboarding-drafts-empty");
            add(empty);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("onboarding-drafts");
        drafts.forEach(draft -> list.add(item(draft)));
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("onboarding.drafts.title");
    }

    private ListItem item(OnboardingDraft draft) {
        String label = Objects.requireNonNullElse(draft.name(), getTranslation("onboarding.drafts.unnamed"));
        String updated = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .format(draft.updatedAt().atZone(ZoneId.systemDefault()));
        Span text = new Span(getTranslation("onboarding.drafts.item", label,
                Objects.requireNonNullElse(draft.mspId(), "-"),
                getTranslation("onboarding.step." + draft.step().databaseValue()),
                getTranslation("onboarding.status." + draft.status()), updated, draft.createdBy()));
        Button resume = new Button(getTranslation(draft.editable() ? "onboarding.drafts.resume" : "onboarding.drafts.open"),
                event -> getUI().ifPresent(ui -> ui.navigate(OnboardingWizardView.class, draft.id().toString())));
        resume.setId("onboarding-resume-" + (draft.mspId() == null ? draft.id() : draft.mspId()));
        resume.setAriaLabel(getTranslation("onboarding.drafts.resume-label", label));
        resume.addThemeVariants(ButtonVariant.LUMO_SMALL);
        ListItem item = new ListItem(text, resume);
        return item;
    }
}
