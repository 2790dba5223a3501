-- Offboarding of an authority through an 'organization-removal' proposal. One row per proposal: it stays 'proposed'
-- while the board votes, becomes 'abandoned' when the proposal is rejected, expires or fails, and 'revoking' when the
-- removal is applied on the channel, which also archives the authority. Revoking the authority's ledger identities at
-- its CA may fail; the row then shows 'revocation-failed' with the error until a retry reaches 'completed'.
create table authority_offboarding (
    proposal_id        uuid        not null,
    authority_id       uuid        not null,
    msp_id             text        not null,
    state              text        not null default 'proposed',
    revoked_identities integer     not null default 0,
    attempts           integer     not null default 0,
    last_error         text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint pk_authority_offboarding primary key (proposal_id),
    constraint fk_authority_offboarding_proposal foreign key (proposal_id) references proposal (id),
    constraint fk_authority_offboarding_authority foreign key (authority_id) references authority (id),
    constraint ck_authority_offboarding_state check (state in
        ('proposed', 'abandoned', 'revoking', 'revocation-failed', 'completed')),
    constraint ck_authority_offboarding_counts check (revoked_identities >= 0 and attempts >= 0)
);

-- At most one offboarding per authority that is still under vote or still revoking.
create unique index uq_authority_offboarding_undecided
    on authority_offboarding (authority_id)
    where state in ('proposed', 'revoking', 'revocation-failed');

create index ix_authority_offboarding_state on authority_offboarding (state, updated_at);
