-- A board member's approval of exactly one config update hash. The signature of the member's authority is
-- stored on the approval that made the authority sign; every other approval has none.
create table approval (
    id                   uuid        not null,
    proposal_id          uuid        not null,
    board_member_id      uuid        not null,
    authority_id         uuid        not null,
    config_update_sha256 text        not null,
    config_signature     bytea,
    created_at           timestamptz not null default now(),
    constraint pk_approval primary key (id),
    constraint fk_approval_proposal foreign key (proposal_id) references proposal (id),
    constraint fk_approval_board_member foreign key (board_member_id) references board_member (id),
    constraint fk_approval_authority foreign key (authority_id) references authority (id),
    constraint uq_approval_proposal_board_member unique (proposal_id, board_member_id),
    constraint ck_approval_config_update_sha256 check (config_update_sha256 ~ '^[0-9a-f]{64}$')
);

-- At most one signature per authority and proposal.
create unique index uq_approval_proposal_authority_signature
    on approval (proposal_id, authority_id) where config_signature is not null;
