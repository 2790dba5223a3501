-- An authority administrator onboards a new authority in steps. Each step is saved here, so the administrator can stop
-- and continue later. The uploaded MSP definition is kept as uploaded and imported again when the draft is read, so
-- the validation always runs with the current rules. Secrets are sealed with the vault's master key, bound to the
-- draft's authority code and the column name of the authority table they end up in.
create table onboarding_draft (
    id                   uuid        not null,
    status               text        not null default 'draft',
    step                 text        not null default 'identity',
    name                 text,
    authority_type       text,
    msp_id               text,
    code                 text,
    oidc_issuer          text,
    oidc_client_id       text,
    oidc_client_secret   bytea,
    ca_url               text,
    ca_name              text,
    ca_tls_root_pem      text,
    ca_chain_pem         text,
    ca_registrar_id      text,
    ca_registrar_secret  bytea,
    ca_affiliation       text,
    msp_format           text,
    msp_file_name        text,
    msp_organization     text,
    msp_upload           bytea,
    proposal_id          uuid,
    created_by           text        not null,
    created_by_authority text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0,
    constraint pk_onboarding_draft primary key (id),
    constraint fk_onboarding_draft_authority_type foreign key (authority_type) references authority_type (code),
    constraint fk_onboarding_draft_proposal foreign key (proposal_id) references proposal (id),
    constraint ck_onboarding_draft_status check (status in ('draft', 'submitted', 'completed', 'discarded')),
    constraint ck_onboarding_draft_step check (step in
        ('identity', 'identity-provider', 'certificate-authority', 'msp-definition', 'validation', 'review')),
    constraint ck_onboarding_draft_msp_format check (msp_format in ('msp-zip', 'configtx-zip', 'configtxlator-json')),
    constraint ck_onboarding_draft_submitted check (status not in ('submitted', 'completed') or proposal_id is not null)
);

create index ix_onboarding_draft_status on onboarding_draft (status, updated_at);
