-- A proposal can apply a whole concept version: its config update is the version's plan, with every policy and ACL
-- change in one update. change_path then names the version ('concept-version/<number>') and change_policy contains the
-- readable difference to the applied version, one line each.
alter table proposal
    drop constraint ck_proposal_change_kind,
    add constraint ck_proposal_change_kind check (change_kind in ('set-policy', 'rule-change', 'concept-version'));

-- The proposal that applies a version. A draft with a proposal that is still undecided cannot be edited, so that the
-- version the board votes on is the version that becomes applied.
alter table concept_version
    add column proposal_id uuid,
    add constraint fk_concept_version_proposal foreign key (proposal_id) references proposal (id);

create index ix_concept_version_proposal on concept_version (proposal_id);
