-- Authorities join and leave the consortium through the board. An authority onboarded in the portal keeps its Fabric
-- CA and OIDC client settings here. Authorities from configuration leave these columns empty. Secrets are sealed with
-- the vault's master key (AES-GCM) before they reach this table.
alter table authority
    add column status                  text        not null default 'active',
    add column ca_url                  text,
    add column ca_name                 text,
    add column ca_tls_root_pem         text,
    add column ca_registrar_id         text,
    add column ca_registrar_secret     bytea,
    add column ca_affiliation          text,
    add column oidc_client_id          text,
    add column oidc_client_secret      bytea,
    add column onboarding_proposal_id  uuid,
    add column offboarding_proposal_id uuid,
    add column archived_at             timestamptz,
    add constraint ck_authority_status check (status in ('proposed', 'active', 'archived')),
    add constraint ck_authority_archived_at check ((status = 'archived') = (archived_at is not null)),
    add constraint fk_authority_onboarding_proposal foreign key (onboarding_proposal_id) references proposal (id),
    add constraint fk_authority_offboarding_proposal foreign key (offboarding_proposal_id) references proposal (id);

alter table proposal
    drop constraint ck_proposal_change_kind,
    drop constraint ck_proposal_change_type,
    add constraint ck_proposal_change_kind check (change_kind in
        ('set-policy', 'rule-change', 'concept-version', 'organization-addition', 'organization-removal')),
    add constraint ck_proposal_change_type check (change_type in
        ('channel-policy', 'application-policy', 'organization-policy', 'orderer-policy', 'rule-change',
         'onboarding', 'offboarding'));

alter table decision_rule
    drop constraint ck_decision_rule_change_type,
    add constraint ck_decision_rule_change_type check (change_type in
        ('channel-policy', 'application-policy', 'organization-policy', 'orderer-policy', 'rule-change',
         'onboarding', 'offboarding'));

-- A majority of the existing authorities decides who joins or leaves. This matches the MAJORITY Admins mod_policy of
-- the application group, so a passing vote can collect the signatures the orderer needs.
insert into decision_rule (change_type, threshold, counting, min_turnout_percent, veto_roles,
                           veto_personal_data_only, voting_period_hours)
values ('onboarding', 'absolute-majority', 'per-authority', 50, '', true, 336),
       ('offboarding', 'absolute-majority', 'per-authority', 50, '', true, 336);
