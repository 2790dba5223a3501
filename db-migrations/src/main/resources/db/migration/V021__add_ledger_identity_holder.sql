-- The holder of a person's ledger identity as a portal user, by the pseudonym the portal derives from their OIDC issuer
-- and subject (a SHA-256 prefix, the same the audit trail uses). A clerk may file erasure and rectification requests
-- only about an identity they hold. Technical systems have no holder, and an erasure clears it.
alter table ledger_identity add column holder text;

create index ix_ledger_identity_holder on ledger_identity (holder);
