-- Erasure (GDPR Art. 17) and rectification (Art. 16) requests about a ledger identity. A row names the person only
-- by the identity's pseudonymous enrolment ID; names, e-mail addresses and OIDC subjects stay in the identity vault.
-- After execution the row is the erasure record: pseudonym, dates, legal basis, steps and (in
-- data_subject_request_channel) block numbers.
create table data_subject_request (
    id                  uuid        not null,
    reference           text        not null,
    kind                text        not null,
    authority_id        uuid        not null,
    msp_id              text        not null,
    enrollment_id       text        not null,
    filed_by            text        not null,
    received_on         date        not null,
    controller_state    text        not null,
    first_due_on        date        not null,
    due_on              date        not null,
    extension_months    integer     not null default 0,
    extension_reason    text,
    legal_basis         text        not null,
    retention_exception text,
    corrected_attributes text,
    status              text        not null,
    step                text        not null,
    revoked_serials     text,
    revoked_sha256      text,
    new_serial          text,
    last_error          text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    completed_at        timestamptz,
    version             bigint      not null default 0,
    constraint pk_data_subject_request primary key (id),
    constraint uq_data_subject_request_reference unique (reference),
    constraint fk_data_subject_request_authority foreign key (authority_id) references authority (id),
    constraint ck_data_subject_request_kind check (kind in ('erasure', 'correction')),
    constraint ck_data_subject_request_status check (status in
        ('open', 'in_progress', 'completed', 'retained', 'failed')),
    constraint ck_data_subject_request_step check (step in
        ('filed', 'identity_corrected', 'revoked_at_ca', 'crl_submitted', 'crl_confirmed', 'refusal_verified',
         'vault_destroyed')),
    constraint ck_data_subject_request_extension check (extension_months between 0 and 2),
    constraint ck_data_subject_request_extension_reason check (extension_months = 0 or extension_reason is not null)
);

create index ix_data_subject_request_due on data_subject_request (due_on) where status in ('open', 'in_progress');

-- The CRL update of one request on one channel: the CRL it adds (serial numbers and the CA, no personal data), the
-- exact config update, the organisation admin's signature and
-- where it was applied. The submitter checks the channel for the update before it broadcasts again.
create table data_subject_request_channel (
    id             uuid        not null,
    request_id     uuid        not null,
    channel        text        not null,
    crl_pem        text        not null,
    config_update  bytea       not null,
    sha256         text        not null,
    base_sequence  bigint      not null,
    signature      bytea       not null,
    state          text        not null,
    tx_id          text,
    block_number   bigint,
    refusal_check  text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint pk_data_subject_request_channel primary key (id),
    constraint fk_data_subject_request_channel_request foreign key (request_id)
        references data_subject_request (id),
    constraint uq_data_subject_request_channel unique (request_id, channel),
    constraint ck_data_subject_request_channel_state check (state in ('prepared', 'submitted', 'applied'))
);

-- Authorities that received the identity's data and must be notified of the erasure or rectification (Art. 19).
create table data_subject_request_recipient (
    request_id      uuid        not null,
    msp_id          text        not null,
    notified_at     timestamptz not null default now(),
    acknowledged_at timestamptz,
    acknowledged_by text,
    constraint pk_data_subject_request_recipient primary key (request_id, msp_id),
    constraint fk_data_subject_request_recipient_request foreign key (request_id)
        references data_subject_request (id)
);
