-- Governance facts of a proposal: its change type, legal basis, the decision rule it is voted under (copied when it
-- opens, so a later rule change does not move the goalposts), its voting deadline and when it was decided.
-- A rule-change proposal has no config update; it applies in the database when decided.
alter table proposal
    add column change_type                text,
    add column legal_basis                text    not null default '',
    add column personal_data              boolean not null default false,
    add column rule_threshold             text,
    add column rule_counting              text,
    add column rule_min_turnout_percent   integer,
    add column rule_veto_roles            text    not null default '',
    add column rule_veto_personal_data_only boolean not null default true,
    add column voting_deadline            timestamptz,
    add column deadline_notice_sent_at    timestamptz,
    add column missing_signatures         text    not null default '',
    add column decided_at                 timestamptz;

-- Proposals opened before decision rules existed get the defaults of their change type.
update proposal
set change_type = case
        when change_path like '/Channel/Orderer/%' then 'orderer-policy'
        when change_path ~ '^/Channel/Application/[^/]+/[^/]+$' then 'organization-policy'
        when change_path like '/Channel/Application/%' then 'application-policy'
        else 'channel-policy'
    end;

update proposal p
set rule_threshold             = r.threshold,
    rule_counting              = r.counting,
    rule_min_turnout_percent   = r.min_turnout_percent,
    rule_veto_roles            = r.veto_roles,
    rule_veto_personal_data_only = r.veto_personal_data_only,
    voting_deadline            = p.created_at + make_interval(hours => r.voting_period_hours)
from decision_rule r
where r.change_type = p.change_type;

alter table proposal
    alter column change_type set not null,
    alter column rule_threshold set not null,
    alter column rule_counting set not null,
    alter column rule_min_turnout_percent set not null,
    alter column config_update drop not null,
    alter column config_update_sha256 drop not null,
    drop constraint ck_proposal_change_kind,
    drop constraint ck_proposal_applied,
    add constraint ck_proposal_change_kind check (change_kind in ('set-policy', 'rule-change')),
    add constraint ck_proposal_change_type check (change_type in
        ('channel-policy', 'application-policy', 'organization-policy', 'orderer-policy', 'rule-change')),
    add constraint ck_proposal_rule_threshold check (rule_threshold in
        ('simple-majority', 'absolute-majority', 'two-thirds', 'unanimity')),
    add constraint ck_proposal_rule_counting check (rule_counting in ('per-authority', 'per-board-member')),
    add constraint ck_proposal_rule_min_turnout check (rule_min_turnout_percent between 0 and 100),
    add constraint ck_proposal_config_update check (
        (change_kind = 'rule-change') = (config_update is null and config_update_sha256 is null)),
    add constraint ck_proposal_applied check (change_kind = 'rule-change'
        or (status = 'applied') = (applied_block is not null and applied_sequence is not null));

create index ix_proposal_open_deadline on proposal (voting_deadline) where status = 'open';
create index ix_proposal_decided_at on proposal (decided_at);
