-- An authority administrator proposes the onboarding of an authority without being a board
-- member. Such a proposal names the administrator by pseudonym and authority instead of a board member, and the
-- administrator casts no vote.
alter table proposal
    alter column proposer_id drop not null,
    add column proposer_pseudonym    text,
    add column proposer_authority_id uuid,
    add constraint fk_proposal_proposer_authority foreign key (proposer_authority_id) references authority (id),
    add constraint ck_proposal_proposer check ((proposer_id is null) = (proposer_pseudonym is not null));

