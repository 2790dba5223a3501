-- One vote per board member and proposal, changeable while the proposal is open. A veto comes from a holder of a
-- veto role of the proposal's rule, who need not be a board member, so the voter is identified by pseudonym.
-- Yes votes that made an authority sign are also rows of approval, which carries the signature.
create table vote (
    id              uuid        not null,
    proposal_id     uuid        not null,
    voter_pseudonym text        not null,
    board_member_id uuid,
    authority_id    uuid        not null,
    choice          text        not null,
    reason          text,
    veto_role       text,
    cast_at         timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint pk_vote primary key (id),
    constraint fk_vote_proposal foreign key (proposal_id) references proposal (id),
    constraint fk_vote_board_member foreign key (board_member_id) references board_member (id),
    constraint fk_vote_authority foreign key (authority_id) references authority (id),
    constraint uq_vote_proposal_voter unique (proposal_id, voter_pseudonym),
    constraint ck_vote_choice check (choice in ('yes', 'no', 'abstain', 'veto')),
    constraint ck_vote_reason check (choice in ('yes', 'abstain') or length(btrim(coalesce(reason, ''))) > 0),
    constraint ck_vote_voter check ((choice = 'veto') = (veto_role is not null))
);

create index ix_vote_proposal on vote (proposal_id);

-- The rule that a rule-change proposal would put in place for its change type.
create table decision_rule_change (
    proposal_id             uuid    not null,
    change_type             text    not null,
    threshold               text    not null,
    counting                text    not null,
    min_turnout_percent     integer not null,
    veto_roles              text    not null default '',
    veto_personal_data_only boolean not null default true,
    voting_period_hours     integer not null,
    constraint pk_decision_rule_change primary key (proposal_id),
    constraint fk_decision_rule_change_proposal foreign key (proposal_id) references proposal (id),
    constraint fk_decision_rule_change_rule foreign key (change_type) references decision_rule (change_type),
    constraint ck_decision_rule_change_threshold check (threshold in
        ('simple-majority', 'absolute-majority', 'two-thirds', 'unanimity')),
    constraint ck_decision_rule_change_counting check (counting in ('per-authority', 'per-board-member')),
    constraint ck_decision_rule_change_min_turnout check (min_turnout_percent between 0 and 100),
    constraint ck_decision_rule_change_veto_roles check (veto_roles ~ '^([A-Z_]+(,[A-Z_]+)*)?$'),
    constraint ck_decision_rule_change_voting_period check (voting_period_hours between 1 and 8784)
);

-- Proposals opened before votes existed: the proposer voted yes by proposing, and every approval was a yes vote.
insert into vote (id, proposal_id, voter_pseudonym, board_member_id, authority_id, choice, cast_at, updated_at)
select gen_random_uuid(), p.id, bm.pseudonym, bm.id, bm.authority_id, 'yes', p.created_at, p.created_at
from proposal p
         join board_member bm on bm.id = p.proposer_id;

insert into vote (id, proposal_id, voter_pseudonym, board_member_id, authority_id, choice, cast_at, updated_at)
select gen_random_uuid(), a.proposal_id, bm.pseudonym, bm.id, a.authority_id, 'yes', a.created_at, a.created_at
from approval a
         join board_member bm on bm.id = a.board_member_id
on conflict on constraint uq_vote_proposal_voter do nothing;
