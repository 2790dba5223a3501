-- A ledger identity of a clerk or a technical system at its authority's Fabric CA, from request to revocation.
-- The enrollment ID is the pseudonym: the person behind it is only in person_vault, never here.
create table ledger_identity (
    id                 uuid        not null,
    authority_id       uuid        not null,
    enrollment_id      text        not null,
    kind               text        not null,
    roles              text        not null,
    valid_until        date        not null,
    key_source         text        not null,
    csr_pem            text,
    status             text        not null,
    requester          text        not null,
    approver           text,
    failure_code       text,
    failure_reason     text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            bigint      not null default 0,
    constraint pk_ledger_identity primary key (id),
    constraint fk_ledger_identity_authority foreign key (authority_id) references authority (id),
    constraint uq_ledger_identity_enrollment_id unique (enrollment_id),
    constraint ck_ledger_identity_kind check (kind in ('person', 'system')),
    constraint ck_ledger_identity_key_source check (key_source in ('csr', 'generated')),
    constraint ck_ledger_identity_status check (status in
        ('requested', 'approved', 'registered', 'enrolled', 'failed', 'withdrawn', 'revoked'))
);

create index ix_ledger_identity_authority on ledger_identity (authority_id, status);
