-- Transactional outbox: one row per approved proposal, written in the transaction of the last approval and
-- worked off by the ledger submitter.
create table ledger_submission (
    id              uuid        not null,
    proposal_id     uuid        not null,
    state           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    tx_id           text,
    last_error      text,
    block_number    bigint,
    sequence        bigint,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    constraint pk_ledger_submission primary key (id),
    constraint fk_ledger_submission_proposal foreign key (proposal_id) references proposal (id),
    constraint uq_ledger_submission_proposal unique (proposal_id),
    constraint ck_ledger_submission_state check (state in
        ('pending', 'sending', 'sent', 'confirmed', 'failed', 'stale')),
    constraint ck_ledger_submission_attempts check (attempts >= 0)
);

create index ix_ledger_submission_due on ledger_submission (next_attempt_at)
    where state in ('pending', 'sending', 'sent');
