-- A proposed channel-configuration change with the exact config update bytes that board members approve.
create sequence proposal_reference_seq start with 1 increment by 1;

create table proposal (
    id                   uuid        not null,
    reference            text        not null,
    title                text        not null,
    rationale            text        not null,
    channel              text        not null,
    change_kind          text        not null,
    change_path          text        not null,
    change_policy        text        not null,
    status               text        not null,
    proposer_id          uuid        not null,
    base_sequence        bigint      not null,
    config_update        bytea       not null,
    config_update_sha256 text        not null,
    write_set            text        not null,
    required_signatures  text        not null,
    signing_msp_ids      text        not null,
    applied_block        bigint,
    applied_sequence     bigint,
    failure_reason       text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0,
    constraint pk_proposal primary key (id),
    constraint uq_proposal_reference unique (reference),
    constraint fk_proposal_proposer foreign key (proposer_id) references board_member (id),
    constraint ck_proposal_status check (status in
        ('draft', 'open', 'approved', 'submitted', 'applied', 'rejected', 'expired', 'failed', 'stale')),
    constraint ck_proposal_change_kind check (change_kind in ('set-policy')),
    constraint ck_proposal_config_update_sha256 check (config_update_sha256 ~ '^[0-9a-f]{64}$'),
    constraint ck_proposal_applied check (
        (status = 'applied') = (applied_block is not null and applied_sequence is not null))
);

create index ix_proposal_status on proposal (status);
