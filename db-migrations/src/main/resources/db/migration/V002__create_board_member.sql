-- A governance board member, known only by a random pseudonym and a hash of issuer and subject.
-- Names, e-mail addresses and the raw OIDC subject are never stored.
create table board_member (
    id           uuid        not null,
    authority_id uuid        not null,
    pseudonym    text        not null,
    subject_hash text        not null,
    created_at   timestamptz not null default now(),
    constraint pk_board_member primary key (id),
    constraint fk_board_member_authority foreign key (authority_id) references authority (id),
    constraint uq_board_member_pseudonym unique (pseudonym),
    constraint uq_board_member_subject_hash unique (subject_hash),
    constraint ck_board_member_subject_hash check (subject_hash ~ '^[0-9a-f]{64}$')
);
