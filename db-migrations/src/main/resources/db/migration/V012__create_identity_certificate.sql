-- An enrollment certificate issued to a ledger identity; the expiry warning reads not_after.
create table identity_certificate (
    serial_hex         text        not null,
    aki_hex            text        not null,
    ledger_identity_id uuid        not null,
    enrollment_id      text        not null,
    not_before         timestamptz not null,
    not_after          timestamptz not null,
    pem                text        not null,
    status             text        not null,
    revoked_at         timestamptz,
    created_at         timestamptz not null default now(),
    constraint pk_identity_certificate primary key (serial_hex, aki_hex),
    constraint fk_identity_certificate_identity foreign key (ledger_identity_id) references ledger_identity (id),
    constraint ck_identity_certificate_status check (status in ('active', 'revoked', 'superseded'))
);

create index ix_identity_certificate_not_after on identity_certificate (status, not_after);
