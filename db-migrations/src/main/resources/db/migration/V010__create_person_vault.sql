-- The identity vault: the link between a pseudonym and a person, sealed per person. Only the wrapped data key,
-- the nonce and the ciphertext are stored; deleting the row destroys the person's data for good.
create table person_vault (
    pseudonym      text        not null,
    authority_id   uuid        not null,
    master_key_id  text        not null,
    wrapped_key    bytea       not null,
    nonce          bytea       not null,
    ciphertext     bytea       not null,
    created_at     timestamptz not null default now(),
    constraint pk_person_vault primary key (pseudonym),
    constraint fk_person_vault_authority foreign key (authority_id) references authority (id)
);
