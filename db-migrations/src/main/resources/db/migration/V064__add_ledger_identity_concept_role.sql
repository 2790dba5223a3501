-- The concept role under which the CA registered a ledger identity, taken from its role assignment valid on the day of
-- registration or renewal. The CA registers the identity under the affiliation '<authority affiliation>.<role code>',
-- so its certificate carries the role code as an organizational unit. Null means the authority's affiliation only.
alter table ledger_identity add column concept_role text;

alter table ledger_identity add constraint ck_ledger_identity_concept_role
    check (concept_role ~ '^[a-z][a-z0-9-]*$' and length(concept_role) <= 64);
