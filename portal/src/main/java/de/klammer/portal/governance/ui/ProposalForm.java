package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.ChannelService;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Form for a new proposal. The board member picks a policy from the live channel config and types the new rule. The
 * preview shows the write set and which authorities must sign, and the proposal can be submitted only after a preview
 * of exactly the entered change.
 */
@Route(value = "proposals/new", layout = MainLayout.class)
@RolesAllowed("BOARD_MEMBER")
@AccessDeniedErrorRouter
class ProposalForm extends VerticalLayout implements HasDynamicTitle {

    private final ProposalService proposals;

    private final TextField title = new TextField();
    private final TextArea rationale = new TextArea();
    private final TextField legalBasis = new TextField();
    private final Checkbox personalData = new Checkbox();
    private final ComboBox<PolicyView> policy = new ComboBox<>();
    private final TextField policyText = new TextField();
    private final Button preview = new Button();
    private final Button submit = new Button();
    private final VerticalLayout previewArea = new VerticalLayout();

    private @Nullable PolicyChange previewedChange;

    ProposalForm(ProposalService proposals, ChannelService channel) {
        this.proposals = proposals;
        setId("proposal-form");
        setMaxWidth("60rem");
        add(new H1(getTranslation("form.heading")), createFields(channel), createButtons(), previewArea);
        previewArea.setId("proposal-preview");
        previewArea.setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("form.title");
    }

    private Component createFields(ChannelService channel) {
        title.setId("proposal-title");
        title.setLabel(getTranslation("proposal.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(ProposalTexts.MAX_TITLE_LENGTH);

        rationale.setId("proposal-rationale");
        rationale.setLabel(getTranslation("proposal.rationale"));
        rationale.setRequiredIndicatorVisible(true);
        rationale.setMaxLength(ProposalTexts.MAX_RATIONALE_LENGTH);

        legalBasis.setId("proposal-legal-basis");
        legalBasis.setLabel(getTranslation("governance.legal-basis"));
        legalBasis.setHelperText(getTranslation("governance.legal-basis-help"));
        legalBasis.setRequiredIndicatorVisible(true);
        legalBasis.setMaxLength(ProposalTexts.MAX_LEGAL_BASIS_LENGTH);

        personalData.setId("proposal-personal-data");
        personalData.setLabel(getTranslation("governance.personal-data"));

        policy.setId("proposal-policy-path");
        policy.setLabel(getTranslation("proposal.change-path"));
        policy.setRequiredIndicatorVisible(true);
        policy.setItemLabelGenerator(PolicyView::path);
        policy.setItems(channelPolicies(channel));
        policy.addValueChangeListener(event -> showCurrentRule(event.getValue()));
        // A typed path that is not on the channel would otherwise vanish silently and leave only "required".
        policy.setAllowCustomValue(true);
        policy.addCustomValueSetListener(event -> {
            policy.setInvalid(true);
            policy.setErrorMessage(getTranslation("proposal.unknown-path", event.getDetail()));
        });

        policyText.setId("proposal-policy-text");
        policyText.setLabel(getTranslation("proposal.change-policy"));
        policyText.setRequiredIndicatorVisible(true);
        policyText.setHelperText(getTranslation("form.policy-text-help"));

        policy.addValueChangeListener(event -> invalidatePreview());
        policyText.addValueChangeListener(event -> invalidatePreview());

        FormLayout fields = new FormLayout(title, rationale, legalBasis, personalData, policy, policyText);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return fields;
    }

    private Component createButtons() {
        preview.setText(getTranslation("form.preview"));
        preview.setId("preview-proposal");
        preview.addClickListener(event -> showPreview());

        submit.setText(getTranslation("form.submit"));
        submit.setId("submit-proposal");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        submit.addClickListener(event -> submitProposal());
        return new HorizontalLayout(preview, submit);
    }

    private List<PolicyView> channelPolicies(ChannelService channel) {
        try {
            return channel.readChannel().policies();
        } catch (LedgerUnavailableException e) {
            policy.setInvalid(true);
            policy.setErrorMessage(getTranslation("ledger.unavailable", e.getMessage()));
            return List.of();
        }
    }

    private void showCurrentRule(@Nullable PolicyView selected) {
        policy.setHelperText(selected == null
                ? null
                : getTranslation("form.current-rule", selected.text(), selected.kind(), selected.modPolicy()));
    }

    private void showPreview() {
        previewArea.removeAll();
        PolicyView selected = policy.getValue();
        if (selected == null || policyText.getValue().isBlank()) {
            markRequired(policy, selected == null);
            markRequired(policyText, policyText.getValue().isBlank());
            return;
        }

        PolicyChange change = new PolicyChange(selected.path(), policyText.getValue().strip());
        try {
            PreparedUpdate update = proposals.preview(change);
            policyText.setInvalid(false);
            previewArea.add(new PreparedUpdatePanel(update));
            previewedChange = change;
            submit.setEnabled(true);
        } catch (ChangeRejectedException e) {
            policyText.setErrorMessage(e.getMessage());
            policyText.setInvalid(true);
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
    }

    private void submitProposal() {
        boolean titleMissing = title.getValue().isBlank();
        boolean rationaleMissing = rationale.getValue().isBlank();
        boolean legalBasisMissing = legalBasis.getValue().isBlank();
        markRequired(title, titleMissing);
        markRequired(rationale, rationaleMissing);
        markRequired(legalBasis, legalBasisMissing);
        if (titleMissing || rationaleMissing || legalBasisMissing || previewedChange == null) {
            return;
        }

        try {
            ProposalTexts texts = new ProposalTexts(
                    title.getValue(), rationale.getValue(), legalBasis.getValue(), personalData.getValue());
            ProposalDetails created = proposals.propose(texts, previewedChange);
            Notification.show(getTranslation("form.created", created.reference()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ProposalDetailsView.class, created.id().toString()));
        } catch (ChangeRejectedException e) {
            invalidatePreview();
            policyText.setErrorMessage(e.getMessage());
            policyText.setInvalid(true);
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        }
    }

    private void invalidatePreview() {
        previewedChange = null;
        submit.setEnabled(false);
        previewArea.removeAll();
    }

    private void markRequired(HasValidation field, boolean missing) {
        field.setErrorMessage(missing ? getTranslation("form.required") : null);
        field.setInvalid(missing);
    }

    private void showError(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The preview of a computed config update: what it writes and who must sign. */
    private final class PreparedUpdatePanel extends VerticalLayout {

        PreparedUpdatePanel(PreparedUpdate update) {
            setPadding(false);
            add(new H2(getTranslation("form.preview-heading")),
                    new Paragraph(getTranslation("proposal.base-sequence-value", update.baseSequence())),
                    new LinesList("preview-write-set", getTranslation("proposal.write-set"), update.writeSet()),
                    new LinesList(
                            "preview-required-signatures",
                            getTranslation("proposal.required-signatures"),
                            update.requiredSignatures()),
                    new LinesList(
                            "preview-signing-authorities",
                            getTranslation("proposal.signing-authorities"),
                            update.signingMspIds()));
        }
    }
}
