-- One row per participating authority (a Fabric organisation). Rows come from configuration at startup.
create table authority (
    id          uuid        not null,
    code        text        not null,
    name        text        not null,
    msp_id      text        not null,
    oidc_issuer text        not null,
    created_at  timestamptz not null default now(),
    constraint pk_authority primary key (id),
    constraint uq_authority_code unique (code),
    constraint uq_authority_msp_id unique (msp_id),
    constraint uq_authority_oidc_issuer unique (oidc_issuer),
    constraint ck_authority_code check (code ~ '^[a-z][a-z0-9-]*$')
);
