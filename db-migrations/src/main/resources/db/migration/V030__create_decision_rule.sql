-- The decision rule of each change type. Board members change a row only through an applied rule-change proposal,
-- and the portal checks every new rule against the mod_policies on the channel before it proposes or applies it.
-- Thresholds: simple-majority (more yes than no), absolute-majority (yes from more than half of the electorate),
-- two-thirds (at least two thirds of the yes and no votes), unanimity (no vote against and every voter taking part).
-- Abstentions count toward the turnout, never toward approval.
create table decision_rule (
    change_type             text        not null,
    threshold               text        not null,
    counting                text        not null,
    min_turnout_percent     integer     not null,
    veto_roles              text        not null default '',
    veto_personal_data_only boolean     not null default true,
    voting_period_hours     integer     not null,
    updated_by_proposal     text,
    updated_at              timestamptz not null default now(),
    version                 bigint      not null default 0,
    constraint pk_decision_rule primary key (change_type),
    constraint ck_decision_rule_change_type check (change_type in
        ('channel-policy', 'application-policy', 'organization-policy', 'orderer-policy', 'rule-change')),
    constraint ck_decision_rule_threshold check (threshold in
        ('simple-majority', 'absolute-majority', 'two-thirds', 'unanimity')),
    constraint ck_decision_rule_counting check (counting in ('per-authority', 'per-board-member')),
    constraint ck_decision_rule_min_turnout check (min_turnout_percent between 0 and 100),
    constraint ck_decision_rule_veto_roles check (veto_roles ~ '^([A-Z_]+(,[A-Z_]+)*)?$'),
    constraint ck_decision_rule_voting_period check (voting_period_hours between 1 and 8784)
);

-- Defaults: an absolute majority of authorities matches Fabric's MAJORITY Admins, so the seeded rules never pass
-- what the ledger refuses. The data protection officer may veto changes that touch processing of personal data.
insert into decision_rule (change_type, threshold, counting, min_turnout_percent, veto_roles,
                           veto_personal_data_only, voting_period_hours)
values ('channel-policy', 'absolute-majority', 'per-authority', 50, 'DPO', true, 336),
       ('application-policy', 'absolute-majority', 'per-authority', 50, 'DPO', true, 336),
       ('organization-policy', 'absolute-majority', 'per-authority', 50, 'DPO', true, 336),
       ('orderer-policy', 'unanimity', 'per-authority', 100, '', true, 336),
       ('rule-change', 'unanimity', 'per-authority', 100, '', true, 336);
