-- An authority's admin signature on a config update, made outside Klammer (for example with
-- 'peer channel signconfigtx') and imported after it verified against that authority's MSP on the live channel.
-- It counts like the signature on an approval. Recomputing the proposal deletes it with the approvals.
create table imported_signature (
    id                   uuid        not null,
    proposal_id          uuid        not null,
    authority_id         uuid        not null,
    config_update_sha256 text        not null,
    config_signature     bytea       not null,
    signer_certificate_sha256 text   not null,
    imported_by          text        not null,
    imported_at          timestamptz not null default now(),
    constraint pk_imported_signature primary key (id),
    constraint fk_imported_signature_proposal foreign key (proposal_id) references proposal (id),
    constraint fk_imported_signature_authority foreign key (authority_id) references authority (id),
    constraint uq_imported_signature_proposal_authority unique (proposal_id, authority_id),
    constraint ck_imported_signature_config_update_sha256 check (config_update_sha256 ~ '^[0-9a-f]{64}$'),
    constraint ck_imported_signature_signer_certificate_sha256 check (signer_certificate_sha256 ~ '^[0-9a-f]{64}$')
);
